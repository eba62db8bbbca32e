import preset from './tools/jest-preset/jest-preset.js';

/** @type {import('jest').Config} */
export default {
  ...preset,
  rootDir: '.',
  roots: ['<rootDir>/packages', '<rootDir>/apps', '<rootDir>/tools'],
};
