/** Convert every spec example and classify it; shared by the conformance test and `report` below. */
import { toStorage } from '@docgen/markdown-storage';
import { checkStorage, htmlVisibleText } from './visible-text.js';
import type { SpecExample } from './spec-examples.js';

export interface ExampleResult {
  example: SpecExample;
  storage: string;
  threw?: string;
  xmlError?: string;
  /** An element where storage cannot hold it (`<p> inside <span>`): well-formed, but not valid storage. */
  misplaced?: string;
  expectedText: string;
  actualText: string;
}

export function runExample(example: SpecExample): ExampleResult {
  const expectedText = htmlVisibleText(example.html);
  let storage = '';
  try {
    storage = toStorage(example.markdown);
  } catch (error) {
    return { example, storage, threw: String((error as Error).stack ?? error), expectedText, actualText: '' };
  }
  const check = checkStorage(storage);
  return { example, storage, xmlError: check.error, misplaced: check.misplaced, expectedText, actualText: check.text };
}

export const textEqual = (result: ExampleResult) => !result.threw && result.expectedText === result.actualText;
