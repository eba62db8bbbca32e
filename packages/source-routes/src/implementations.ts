/**
 * The class that runs behind a service a handler's class or function is handed, when the code names
 * something else: an interface (`private users: IUsersService`), an abstract class, or a dependency
 * injection token (`@Inject(USERS_SERVICE)`). The class is the one the project binds to the token
 * (NestJS's `{ provide: USERS_SERVICE, useClass: UsersService }`, `useExisting`, `useFactory` or
 * `useValue` making one, inversify's `bind(TYPES.Users).to(UsersService)`), else the only class of the
 * package that implements the interface (or extends the abstract class), else the class awilix
 * registers under the parameter's name (`usersService: asClass(UsersService)`). Where the code allows more
 * than one, or binds the token to something docgen cannot follow, there is no answer: a guessed class
 * would show statuses the route may never answer with.
 */
import type {
  ClassDeclaration,
  Identifier,
  InterfaceDeclaration,
  Node as TsNode,
  ParameterDeclaration,
  SourceFile,
} from 'ts-morph';
import type { Modules } from './modules.js';
import { madeClass } from './class-members.js';
import { returnedBy, unwrap } from './code-shapes.js';
import type { ProjectFiles } from './project-files.js';
import { isFunctionLike, type TsMorph } from './syntax.js';

/** What a token or type is bound to: one class, none found, or more than one (or one docgen cannot follow). */
type Bound = ClassDeclaration | 'none' | 'ambiguous';

/** The decorators that name the token a constructor's parameter is injected by: NestJS's and inversify's. */
const INJECT_DECORATORS = new Set(['Inject', 'inject']);

export class Implementations {
  constructor(
    private readonly ts: TsMorph,
    private readonly modules: Modules,
    private readonly files: ProjectFiles,
  ) {}

  /**
   * The class of the project a parameter stands for at run time: the class it is typed as, or the one
   * bound to the token it is injected by, or the sole implementation of the interface or abstract
   * class it is typed as; undefined where that is not one class.
   */
  classOf(parameter: ParameterDeclaration, depth: number): ClassDeclaration | undefined {
    const { ts } = this;
    const token = injectionToken(ts, parameter);
    if (token) {
      // `@Inject(UsersService)`, `@Inject(forwardRef(() => UsersService))`: the class is the token.
      const named = this.classNamed(token, depth);
      if (named && !named.isAbstract()) return named;
      const bound = this.boundTo(token, parameter.getSourceFile(), depth);
      if (bound === 'ambiguous') return undefined;
      if (bound !== 'none') return bound;
    }
    const type = this.typeOf(parameter);
    if (!type) return undefined;
    if (ts.Node.isClassDeclaration(type) && !type.isAbstract()) return type;
    // `{ provide: UsersRepository, useClass: PrismaUsersRepository }`: an abstract class is its own token.
    const name = parameter.getTypeNode();
    if (ts.Node.isClassDeclaration(type) && name && ts.Node.isTypeReference(name)) {
      const bound = this.boundTo(name.getTypeName(), parameter.getSourceFile(), depth);
      if (bound === 'ambiguous') return undefined;
      if (bound !== 'none') return bound;
    }
    const sole = this.soleImplementation(type, parameter.getSourceFile().getFilePath(), depth);
    if (sole !== 'ambiguous' && sole !== 'none') return sole;
    // awilix in classic mode injects by the parameter's name: the class registered under it.
    const registered = this.modules.awilixRegistered(parameter.getName(), parameter.getSourceFile().getFilePath());
    return registered && this.madeBy(registered, depth);
  }

  /** The class or interface of the project a parameter's type names (`users: IUsersService`, `import type` too). */
  private typeOf(parameter: ParameterDeclaration): ClassDeclaration | InterfaceDeclaration | undefined {
    const type = parameter.getTypeNode();
    const name = type && this.ts.Node.isTypeReference(type) ? type.getTypeName() : undefined;
    return name && this.ts.Node.isIdentifier(name) ? this.typeNamed(name) : undefined;
  }

  /** The class or interface a name in a type stands for: declared in its module, or imported (through barrels). */
  private typeNamed(id: Identifier): ClassDeclaration | InterfaceDeclaration | undefined {
    const source = id.getSourceFile();
    const name = id.getText();
    const local = source.getInterface(name) ?? source.getClass(name);
    if (local) return local;
    const imported = this.modules.importOf(id);
    return imported && this.exportedType(imported.file, imported.name, 0);
  }

  private exportedType(file: string, name: string, depth: number): ClassDeclaration | InterfaceDeclaration | undefined {
    if (depth > 8) return undefined;
    const source = this.parsed(file);
    if (!source) return undefined;
    if (name === 'default') {
      const found = [...source.getInterfaces(), ...source.getClasses()].find((each) => each.isDefaultExport());
      if (found) return found;
    } else {
      const found = source.getInterface(name) ?? source.getClass(name);
      if (found?.isExported()) return found;
    }
    for (const declaration of source.getExportDeclarations()) {
      const target = declaration.getModuleSpecifierValue();
      const from = target && this.modules.resolve(file, target);
      const named = declaration
        .getNamedExports()
        .find((each) => (each.getAliasNode()?.getText() ?? each.getName()) === name);
      if (named)
        return from
          ? this.exportedType(from, named.getName(), depth + 1)
          : (source.getInterface(named.getName()) ?? source.getClass(named.getName()));
      if (from && !declaration.getNamedExports().length && name !== 'default') {
        const found = this.exportedType(from, name, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }

  /**
   * The class a token is bound to across the package: NestJS's provider objects (`{ provide: TOKEN,
   * useClass: X }`, `useExisting: X`, `useFactory` returning `new X()`, `useValue: new X()`) and
   * inversify's `bind(TOKEN).to(X)` (`toSelf()`, `toConstantValue(new X())`).
   */
  private boundTo(token: TsNode, from: SourceFile, depth: number): Bound {
    const { ts } = this;
    const text = token.getText();
    const mention = new RegExp(escapeRegExp(ts.Node.isStringLiteral(token) ? token.getLiteralText() : text));
    const found = new Set<ClassDeclaration | 'unknown'>();
    for (const file of this.files.mentioning(from.getFilePath(), mention)) {
      const source = this.parsed(file);
      for (const object of source?.getDescendantsOfKind(ts.SyntaxKind.ObjectLiteralExpression) ?? []) {
        const provide = object.getProperty('provide');
        if (!provide || !ts.Node.isPropertyAssignment(provide)) continue;
        const given = provide.getInitializer();
        if (given && this.sameToken(given, token)) found.add(this.providedBy(object, depth) ?? 'unknown');
      }
      for (const call of source?.getDescendantsOfKind(ts.SyntaxKind.CallExpression) ?? []) {
        const callee = call.getExpression();
        const [given] = call.getArguments();
        if (!ts.Node.isPropertyAccessExpression(callee) || callee.getName() !== 'bind' || !given) continue;
        if (this.sameToken(given, token)) found.add(this.inversifyTarget(call, given, depth) ?? 'unknown');
      }
    }
    if (!found.size) return 'none';
    const [only] = found;
    return found.size === 1 && only !== 'unknown' ? only! : 'ambiguous';
  }

  /** Whether a provider's or binding's token is the one injected: the same string, or the same name standing for the same value. */
  private sameToken(given: TsNode, token: TsNode): boolean {
    const { ts } = this;
    const a = unwrap(ts, given);
    const b = unwrap(ts, token);
    // `provide: 'ORDERS_SERVICE'` and `@Inject(ORDERS_SERVICE)` with `const ORDERS_SERVICE = 'ORDERS_SERVICE'`: Nest compares the values.
    if (ts.Node.isStringLiteral(a) || ts.Node.isStringLiteral(b)) {
      const [left, right] = [this.stringToken(a), this.stringToken(b)];
      return left !== undefined && left === right;
    }
    if (a.getText() !== b.getText()) return false;
    // `USERS_SERVICE` of two modules may be two consts: where both names lead to a declaration, it is the same one.
    const root = (node: TsNode): Identifier | undefined => {
      let at = node;
      while (ts.Node.isPropertyAccessExpression(at)) at = at.getExpression();
      return ts.Node.isIdentifier(at) ? at : undefined;
    };
    const [left, right] = [root(a), root(b)];
    const leftValue = left && this.modules.follow(left)?.value;
    const rightValue = right && this.modules.follow(right)?.value;
    return !leftValue || !rightValue || leftValue === rightValue;
  }

  /** The string a token is: a literal, or a name holding one (`export const USERS = 'USERS'`). */
  private stringToken(node: TsNode): string | undefined {
    const { ts } = this;
    const value = ts.Node.isIdentifier(node) ? this.modules.follow(node)?.value : node;
    return value && ts.Node.isStringLiteral(value) ? value.getLiteralText() : undefined;
  }

  /** The class a NestJS provider object makes: `useClass`, `useExisting`, `useValue: new X()`, `useFactory` returning `new X()`. */
  private providedBy(provider: TsNode, depth: number): ClassDeclaration | undefined {
    const { ts } = this;
    if (!ts.Node.isObjectLiteralExpression(provider)) return undefined;
    const valueOf = (key: string) => {
      const property = provider.getProperty(key);
      if (property && ts.Node.isPropertyAssignment(property)) return property.getInitializer();
      return property && ts.Node.isShorthandPropertyAssignment(property) ? property.getNameNode() : undefined;
    };
    const named = valueOf('useClass') ?? valueOf('useExisting');
    if (named) return this.classNamed(named, depth);
    const value = valueOf('useValue');
    if (value) return this.madeBy(value, depth);
    const factory = valueOf('useFactory');
    return factory && this.returnedClass(factory, depth);
  }

  /** inversify's `bind(T).to(X)`, `bind(X).toSelf()`, `bind(T).toConstantValue(new X())`. */
  private inversifyTarget(bind: TsNode, token: TsNode, depth: number): ClassDeclaration | undefined {
    const { ts } = this;
    const access = bind.getParent();
    const call = access?.getParent();
    if (!access || !ts.Node.isPropertyAccessExpression(access) || !call || !ts.Node.isCallExpression(call))
      return undefined;
    const [arg] = call.getArguments();
    if (access.getName() === 'toSelf') return this.classNamed(token, depth);
    if (access.getName() === 'to' && arg) return this.classNamed(arg, depth);
    if (access.getName() === 'toConstantValue' && arg) return this.madeBy(arg, depth);
    return undefined;
  }

  /** The class a factory returns an instance of, every `return` the same class (`() => new UsersService(db)`). */
  private returnedClass(factory: TsNode, depth: number): ClassDeclaration | undefined {
    const { ts } = this;
    let fn: TsNode | undefined = unwrap(ts, factory);
    if (ts.Node.isIdentifier(fn)) fn = this.modules.follow(fn, depth + 1)?.value;
    if (!fn || !isFunctionLike(ts, fn)) return undefined;
    const classes = new Set(returnedBy(ts, fn).map((value) => this.madeBy(value, depth)));
    const [only] = classes;
    return classes.size === 1 ? only : undefined;
  }

  private madeBy(value: TsNode, depth: number): ClassDeclaration | undefined {
    const made = madeClass(this.ts, value);
    return made && this.classNamed(made, depth);
  }

  /** The class of the project a name stands for (`UsersService`, `forwardRef(() => UsersService)`). */
  private classNamed(node: TsNode, depth: number): ClassDeclaration | undefined {
    const { ts } = this;
    let value = unwrap(ts, node);
    if (ts.Node.isCallExpression(value) && value.getExpression().getText() === 'forwardRef') {
      const [fn] = value.getArguments();
      const returned = fn && isFunctionLike(ts, fn) ? returnedBy(ts, fn) : [];
      if (returned.length !== 1) return undefined;
      value = returned[0]!;
    }
    const cls = ts.Node.isIdentifier(value) ? this.modules.follow(value, depth + 1)?.value : undefined;
    return cls && ts.Node.isClassDeclaration(cls) ? cls : undefined;
  }

  /**
   * The one class of the package that implements an interface (`class UsersService implements
   * IUsersService`) or extends an abstract class, not abstract itself; 'ambiguous' where there are more.
   */
  private soleImplementation(type: ClassDeclaration | InterfaceDeclaration, from: string, depth: number): Bound {
    const { ts } = this;
    const name = type.getName();
    if (!name || depth > 8) return 'none';
    const mention = new RegExp(`\\b(?:implements|extends)\\b[^{]*\\b${escapeRegExp(name)}\\b`);
    const found = new Set<ClassDeclaration>();
    for (const file of this.files.mentioning(from, mention)) {
      for (const cls of this.parsed(file)?.getDescendantsOfKind(ts.SyntaxKind.ClassDeclaration) ?? []) {
        if (cls.isAbstract()) continue;
        const heritage = ts.Node.isInterfaceDeclaration(type) ? cls.getImplements() : [cls.getExtends()];
        const names = heritage.flatMap((each) => {
          const expression = each?.getExpression();
          return expression && ts.Node.isIdentifier(expression) ? [expression] : [];
        });
        if (names.some((each) => each.getText() === name && this.typeNamed(each) === type)) found.add(cls);
      }
    }
    const [only] = found;
    return found.size === 1 ? only! : found.size ? 'ambiguous' : 'none';
  }

  /** A file of the package, parsed; undefined where it does not parse (a file the app never loads may be anything). */
  private parsed(file: string): SourceFile | undefined {
    try {
      return this.modules.source(file);
    } catch {
      return undefined;
    }
  }
}

/** The token `@Inject(TOKEN)` (NestJS) or `@inject(TYPES.Users)` (inversify) names for a parameter. */
function injectionToken(ts: TsMorph, parameter: ParameterDeclaration): TsNode | undefined {
  const decorator = parameter.getDecorators().find((each) => INJECT_DECORATORS.has(each.getName()));
  const [token] = decorator?.getArguments() ?? [];
  return token && !ts.Node.isObjectLiteralExpression(token) ? token : undefined;
}

/** `text` matched literally in a `RegExp`. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
