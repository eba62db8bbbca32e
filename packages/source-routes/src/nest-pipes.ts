/**
 * What NestJS's own pipes refuse a request with before the handler runs: a `BadRequestException`, 400,
 * unless the pipe's `errorHttpStatusCode` says otherwise. A parse pipe on a route's parameter
 * (`@Param('id', ParseIntPipe)`, `new ParseUUIDPipe({ version: '4' })`), and the first `ValidationPipe`
 * a parameter typed by a class meets (a DTO; it validates no `string`, nor an interface, which leaves no
 * class at run time), in the order Nest runs them: `app.useGlobalPipes(…)`, an `APP_PIPE` provider, the
 * controller's `@UsePipes(…)`, the method's, the parameter's.
 */
import type { NestReader } from './nest.js';
import type {
  Decorator,
  MethodDeclaration,
  Node as TsNode,
  ObjectLiteralExpression,
  ParameterDeclaration,
} from 'ts-morph';
import { unwrap } from './code-shapes.js';
import { statusCode } from './syntax.js';
import { findClass, listed, type ClassRef } from './nest-module-tree.js';
import { decoratorObject, propertyOf, propertyValue } from './nest-decorators.js';

/** `@nestjs/common`'s pipes that refuse a value they cannot parse or that fails its checks. */
const PARSE_PIPES = new Set([
  'ParseIntPipe',
  'ParseFloatPipe',
  'ParseBoolPipe',
  'ParseArrayPipe',
  'ParseUUIDPipe',
  'ParseEnumPipe',
  'ParseDatePipe',
  'ParseFilePipe',
]);

/** The parameter decorators whose values Nest hands to pipes (not `@Headers()`, nor a custom decorator's by default). */
const PIPED = new Set(['Body', 'Query', 'Param']);

interface NestPipe {
  validates: boolean;
  /** Undefined where its `errorHttpStatusCode` is computed at run time, or an `exceptionFactory` decides. */
  status?: number;
}

/** What a route's pipes refuse with; `wider`: the pipes of the app (`useGlobalPipes`, `APP_PIPE`), in Nest's order. */
export function pipeStatuses(
  reader: NestReader,
  file: string,
  method: MethodDeclaration,
  controllerDecorators: Decorator[],
  wider: TsNode[],
): number[] {
  const around = [...wider, ...usedPipes(controllerDecorators), ...usedPipes(method.getDecorators())]
    .map((pipe) => nestPipe(reader, pipe))
    .filter((pipe): pipe is NestPipe => pipe !== undefined);
  return method.getParameters().flatMap((parameter) => {
    const decorator = parameter.getDecorators().find((each) => PIPED.has(each.getName()));
    if (!decorator) return [];
    const own = decorator
      .getArguments()
      .map((pipe) => nestPipe(reader, pipe))
      .filter((pipe): pipe is NestPipe => pipe !== undefined);
    const parsing = own.filter((pipe) => !pipe.validates);
    // The first ValidationPipe to validate a DTO refuses it; the ones after never see it fail.
    const validating = isDto(reader, file, parameter) ? [...around, ...own].find((pipe) => pipe.validates) : undefined;
    return [...parsing, ...(validating ? [validating] : [])].flatMap((pipe) =>
      pipe.status === undefined ? [] : [pipe.status],
    );
  });
}

/** A module's global pipes: `providers: [{ provide: APP_PIPE, useClass: ValidationPipe }]` (or `useValue: new ValidationPipe(…)`). */
export function moduleAppPipes(reader: NestReader, module: ClassRef): TsNode[] {
  const { ts } = reader;
  const metadata = decoratorObject(ts, module.declaration.getDecorator('Module'));
  return listed(reader, propertyOf(ts, metadata, 'providers')).flatMap((element) => {
    const provider = unwrap(ts, element);
    if (!ts.Node.isObjectLiteralExpression(provider)) return [];
    if (propertyValue(ts, provider, 'provide')?.getText() !== 'APP_PIPE') return [];
    const pipe = propertyValue(ts, provider, 'useClass') ?? propertyValue(ts, provider, 'useValue');
    return pipe ? [pipe] : [];
  });
}

/** `@UsePipes(ValidationPipe, new ParseIntPipe())` → its pipes. */
function usedPipes(decorators: Decorator[]): TsNode[] {
  return decorators
    .filter((decorator) => decorator.getName() === 'UsePipes')
    .flatMap((decorator) => decorator.getArguments());
}

/**
 * A pipe as written (`ParseIntPipe`, `new ValidationPipe({ errorHttpStatusCode: 422 })`), when it is one of
 * `@nestjs/common`'s: whether it validates DTOs, and the status it refuses with; undefined for any other.
 */
function nestPipe(reader: NestReader, pipe: TsNode): NestPipe | undefined {
  const { ts } = reader;
  const value = unwrap(ts, pipe);
  const named = ts.Node.isNewExpression(value) ? value.getExpression() : value;
  if (!ts.Node.isIdentifier(named) || reader.modules.packageOf(named) !== '@nestjs/common') return undefined;
  const name = reader.modules.importedName(named);
  const validates = name === 'ValidationPipe';
  if (!validates && !PARSE_PIPES.has(name)) return undefined;
  // `new ParseEnumPipe(Role, { errorHttpStatusCode })`: the options are the object literal it is given.
  const options = ts.Node.isNewExpression(value)
    ? value
        .getArguments()
        .find((argument): argument is ObjectLiteralExpression => ts.Node.isObjectLiteralExpression(argument))
    : undefined;
  if (options && propertyValue(ts, options, 'exceptionFactory')) return { validates };
  const given = options && propertyValue(ts, options, 'errorHttpStatusCode');
  return { validates, status: given ? statusCode(ts, unwrap(ts, given)) : 400 };
}

/** Whether a parameter is typed by a class of the project (`dto: CreateUserDto`), which a ValidationPipe validates. */
function isDto(reader: NestReader, file: string, parameter: ParameterDeclaration): boolean {
  const { ts } = reader;
  const type = parameter.getTypeNode();
  if (!type || !ts.Node.isTypeReference(type) || type.getTypeArguments().length) return false;
  const name = type.getTypeName();
  return ts.Node.isIdentifier(name) && findClass(reader, file, name.getText()) !== undefined;
}
