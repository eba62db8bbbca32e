// A synthetic NestJS app of @solidstarters/solid-core's shape, for the routes bench: one module
// whose ~45 controllers serve `routes` routes through services that extend one large CRUD base
// class, ~530 source files in all (entities, DTOs, repositories, helpers), each importing packages
// that are not installed (@nestjs/common, typeorm, class-validator) and siblings by `src/…` paths
// through the tsconfig's baseUrl, and two APP_GUARDs. What made the real app slow: many files with
// many imports, and many routes calling the same service members.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const CONTROLLERS = 45;
const FILLER_FILES = 135;

/** Writes the app under `root`; returns the path of its main.ts. */
export function writeNestApp(root, routes = 339) {
  const write = (path, lines) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), `${lines.join('\n')}\n`);
  };
  write('package.json', [JSON.stringify({ name: 'bench-core', version: '1.0.0', private: true })]);
  write('tsconfig.json', [JSON.stringify({ compilerOptions: { baseUrl: './', experimentalDecorators: true } })]);
  write('src/main.ts', mainTs());
  write('src/app.module.ts', appModule());
  write('src/services/crud.service.ts', crudService());
  write('src/services/permission-helper.service.ts', permissionHelper());
  for (const name of ['authentication', 'permissions']) write(`src/guards/${name}.guard.ts`, guard(name));
  const names = Array.from({ length: CONTROLLERS }, (_, i) => `model${i}`);
  for (let i = 0; i < FILLER_FILES; i++) write(`src/helpers/helper${i}.ts`, helper(i, names));
  names.forEach((name, i) => {
    const count = Math.floor(routes / CONTROLLERS) + (i < routes % CONTROLLERS ? 1 : 0);
    write(`src/entities/${name}.entity.ts`, entity(name, names));
    write(`src/dtos/create-${name}.dto.ts`, dto(`Create${pascal(name)}Dto`));
    write(`src/dtos/update-${name}.dto.ts`, dto(`Update${pascal(name)}Dto`));
    write(`src/repository/${name}.repository.ts`, repository(name));
    write(`src/services/${name}.service.ts`, service(name, helpersOf(i)));
    write(`src/controllers/${name}.controller.ts`, controller(name, count));
    write(`src/subscribers/${name}.subscriber.ts`, subscriber(name));
    write(`src/mappers/${name}.mapper.ts`, mapper(name));
    write(`src/seeders/${name}.seed.ts`, seeder(name));
  });
  write('src/core.module.ts', coreModule(names));
  return join(root, 'src', 'main.ts');
}

const pascal = (name) => name[0].toUpperCase() + name.slice(1);

/** The helpers the service of the `i`th model calls: every helper is some service's. */
const helpersOf = (i) => [0, 1, 2].map((k) => (i * 3 + k) % FILLER_FILES);

const PACKAGE_IMPORTS = [
  "import { Injectable, Logger, BadRequestException, NotFoundException, ForbiddenException } from '@nestjs/common';",
  "import { ModuleRef } from '@nestjs/core';",
  "import { EntityManager, Repository, In, Not, IsNull } from 'typeorm';",
  "import { IsString, IsOptional, IsInt } from 'class-validator';",
  "import { Type } from 'class-transformer';",
  "import { ConfigService } from '@nestjs/config';",
];

function mainTs() {
  return [
    "import { NestFactory } from '@nestjs/core';",
    "import { AppModule } from './app.module';",
    '',
    'async function bootstrap() {',
    '  const app = await NestFactory.create(AppModule);',
    '  await app.listen(3000);',
    '}',
    'bootstrap();',
  ];
}

function appModule() {
  return [
    "import { Module } from '@nestjs/common';",
    "import { CoreModule } from './core.module';",
    '',
    '@Module({ imports: [CoreModule] })',
    'export class AppModule {}',
  ];
}

function crudService() {
  const methods = [];
  for (let i = 0; i < 40; i++)
    methods.push(
      `  async step${i}(id: number, dto: any, context: any) {`,
      `    this.lastStep = ${i};`,
      '    const entity = await this.repo.findOne({ where: { id } });',
      `    if (!entity) throw new NotFoundException(\`\${this.modelName} \${id} not found\`);`,
      '    for (const field of Object.keys(dto)) {',
      `      if (field === 'step${i}') throw new BadRequestException('invalid field ' + field);`,
      '      entity[field] = dto[field];',
      '    }',
      `    this.cache = { ...this.cache, [id]: entity };`,
      '    return this.repo.save(entity);',
      '  }',
    );
  return [
    ...PACKAGE_IMPORTS,
    "import { PermissionHelperService } from 'src/services/permission-helper.service';",
    '',
    'export class CRUDService<T> {',
    '  lastStep = 0;',
    '  cache: Record<number, T> = {};',
    '  constructor(',
    '    readonly entityManager: EntityManager,',
    '    readonly repo: Repository<T>,',
    '    readonly modelName: string,',
    '    readonly moduleRef: ModuleRef,',
    '  ) {',
    '    this.logger = new Logger(modelName);',
    '  }',
    '  logger: Logger;',
    ...methods,
    '}',
  ];
}

function permissionHelper() {
  return [
    ...PACKAGE_IMPORTS,
    '',
    '@Injectable()',
    'export class PermissionHelperService {',
    '  constructor(private readonly config: ConfigService) {}',
    '',
    '  assertAllowed(user: any, action: string) {',
    "    if (!user) throw new ForbiddenException('Forbidden');",
    "    if (!this.config.get('permissions')) throw new BadRequestException('no permissions configured');",
    '    return true;',
    '  }',
    '}',
  ];
}

function guard(name) {
  const cls = `${pascal(name)}Guard`;
  return [
    "import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';",
    "import { Reflector } from '@nestjs/core';",
    '',
    '@Injectable()',
    `export class ${cls} implements CanActivate {`,
    '  constructor(private readonly reflector: Reflector) {}',
    '',
    '  async canActivate(context: ExecutionContext): Promise<boolean> {',
    "    const isPublic = this.reflector.get<boolean>('isPublic', context.getHandler());",
    '    if (isPublic) return true;',
    '    const request = context.switchToHttp().getRequest();',
    name === 'authentication'
      ? "    if (!request.headers.authorization) throw new UnauthorizedException('missing token');"
      : '    return request.user?.roles?.length > 0;',
    '    return true;',
    '  }',
    '}',
  ];
}

function entity(name, names) {
  const other = names[(names.indexOf(name) + 1) % names.length];
  return [
    "import { Entity, Column, ManyToOne, Index, JoinColumn } from 'typeorm';",
    "import { IsString, IsOptional, IsInt } from 'class-validator';",
    `import { ${pascal(other)} } from 'src/entities/${other}.entity';`,
    '',
    '@Entity()',
    `export class ${pascal(name)} {`,
    ...Array.from({ length: 12 }, (_, i) => [
      `  @Column({ name: 'field_${i}', nullable: true })`,
      '  @IsOptional()',
      '  @IsString()',
      `  field${i}: string;`,
    ]).flat(),
    `  @ManyToOne(() => ${pascal(other)}, { onDelete: 'CASCADE' })`,
    '  @JoinColumn()',
    `  parent: ${pascal(other)};`,
    '}',
  ];
}

function dto(cls) {
  return [
    "import { IsString, IsOptional, IsInt } from 'class-validator';",
    "import { Type } from 'class-transformer';",
    "import { ApiProperty } from '@nestjs/swagger';",
    '',
    `export class ${cls} {`,
    ...Array.from({ length: 10 }, (_, i) => ['  @ApiProperty()', '  @IsOptional()', `  field${i}?: string;`]).flat(),
    '}',
  ];
}

function repository(name) {
  const model = pascal(name);
  return [
    "import { Injectable } from '@nestjs/common';",
    "import { DataSource, Repository } from 'typeorm';",
    `import { ${model} } from 'src/entities/${name}.entity';`,
    '',
    '@Injectable()',
    `export class ${model}Repository extends Repository<${model}> {`,
    '  constructor(readonly dataSource: DataSource) {',
    `    super(${model}, dataSource.createEntityManager());`,
    '  }',
    '}',
  ];
}

function service(name, helpers) {
  const model = pascal(name);
  return [
    ...PACKAGE_IMPORTS,
    ...helpers.map((k) => `import { helper${k} } from 'src/helpers/helper${k}';`),
    "import { InjectEntityManager } from '@nestjs/typeorm';",
    "import { CRUDService } from 'src/services/crud.service';",
    "import { PermissionHelperService } from 'src/services/permission-helper.service';",
    `import { ${model}Repository } from 'src/repository/${name}.repository';`,
    `import { ${model} } from '../entities/${name}.entity';`,
    '',
    '@Injectable()',
    `export class ${model}Service extends CRUDService<${model}> {`,
    '  constructor(',
    '    @InjectEntityManager() readonly entityManager: EntityManager,',
    `    readonly repo: ${model}Repository,`,
    '    readonly moduleRef: ModuleRef,',
    '    readonly permissions: PermissionHelperService,',
    '  ) {',
    `    super(entityManager, repo, '${name}', moduleRef);`,
    '  }',
    '',
    '  async findOneByKey(key: string, user: any) {',
    "    this.permissions.assertAllowed(user, 'read');",
    '    const found = await this.repo.findOne({ where: { field0: key } });',
    `    if (!found) throw new NotFoundException('${name} ' + key);`,
    ...helpers.map((k) => `    helper${k}(found);`),
    '    return found;',
    '  }',
    '',
    '  async upsert(dto: any, user: any) {',
    "    this.permissions.assertAllowed(user, 'write');",
    '    const existing = await this.findOneByKey(dto.field0, user);',
    '    return this.repo.save({ ...existing, ...dto });',
    '  }',
    '}',
  ];
}

const VERBS = [
  ['Post', "''", 'upsert(dto, req.user)'],
  ['Get', "':key'", 'findOneByKey(key, req.user)'],
  ['Put', "':key'", 'upsert({ ...dto, field0: key }, req.user)'],
  ['Delete', "':key'", 'findOneByKey(key, req.user)'],
  ['Patch', "':key'", 'upsert(dto, req.user)'],
];

function controller(name, count) {
  const model = pascal(name);
  const methods = [];
  for (let i = 0; i < count; i++) {
    const [verb, path, call] = VERBS[i % VERBS.length];
    const route = i < VERBS.length ? path : `'action${i}/:key'`;
    methods.push(
      '',
      "  @ApiBearerAuth('jwt')",
      `  @${verb}(${route})`,
      `  async action${i}(@Param('key') key: string, @Body() dto: Create${model}Dto, @Req() req: any) {`,
      `    return this.service.${call};`,
      '  }',
    );
  }
  return [
    "import { Controller, Post, Get, Put, Delete, Patch, Body, Param, Req } from '@nestjs/common';",
    "import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';",
    `import { ${model}Service } from '../services/${name}.service';`,
    `import { Create${model}Dto } from '../dtos/create-${name}.dto';`,
    `import { Update${model}Dto } from '../dtos/update-${name}.dto';`,
    '',
    `@ApiTags('${model}')`,
    `@Controller('${name}')`,
    `export class ${model}Controller {`,
    `  constructor(private readonly service: ${model}Service) {}`,
    ...methods,
    '}',
  ];
}

function subscriber(name) {
  const model = pascal(name);
  return [
    "import { EntitySubscriberInterface, EventSubscriber, InsertEvent, DataSource } from 'typeorm';",
    "import { Injectable } from '@nestjs/common';",
    `import { ${model} } from 'src/entities/${name}.entity';`,
    `import { ${model}Mapper } from 'src/mappers/${name}.mapper';`,
    '',
    '@Injectable()',
    '@EventSubscriber()',
    `export class ${model}Subscriber implements EntitySubscriberInterface<${model}> {`,
    `  constructor(readonly dataSource: DataSource, readonly mapper: ${model}Mapper) {`,
    '    dataSource.subscribers.push(this);',
    '  }',
    '  listenTo() {',
    `    return ${model};`,
    '  }',
    `  async afterInsert(event: InsertEvent<${model}>) {`,
    '    this.mapper.toDto(event.entity);',
    '  }',
    '}',
  ];
}

function mapper(name) {
  const model = pascal(name);
  return [
    "import { Injectable } from '@nestjs/common';",
    `import { ${model} } from 'src/entities/${name}.entity';`,
    `import { Create${model}Dto } from 'src/dtos/create-${name}.dto';`,
    '',
    '@Injectable()',
    `export class ${model}Mapper {`,
    `  toDto(entity: ${model}): Create${model}Dto {`,
    `    const dto = new Create${model}Dto();`,
    ...Array.from({ length: 10 }, (_, i) => `    dto.field${i} = entity.field${i};`),
    '    return dto;',
    '  }',
    '}',
  ];
}

function seeder(name) {
  const model = pascal(name);
  return [
    ...PACKAGE_IMPORTS,
    `import { ${model}Service } from 'src/services/${name}.service';`,
    `import { Create${model}Dto } from 'src/dtos/create-${name}.dto';`,
    '',
    '@Injectable()',
    `export class ${model}Seeder {`,
    `  constructor(readonly service: ${model}Service) {}`,
    '  async seed() {',
    `    for (const row of [new Create${model}Dto()]) await this.service.upsert(row, { roles: ['admin'] });`,
    '  }',
    '}',
  ];
}

function helper(i, names) {
  const name = names[i % names.length];
  return [
    ...PACKAGE_IMPORTS,
    "import * as fs from 'fs';",
    "import * as path from 'path';",
    `import { ${pascal(name)} } from 'src/entities/${name}.entity';`,
    ...(i > 0 ? [`import { helper${i - 1} } from './helper${i - 1}';`] : []),
    '',
    `export function helper${i}(input: ${pascal(name)}): string {`,
    "  if (!input) throw new BadRequestException('no input');",
    `  return path.join(String(input.field0), ${i > 0 ? `helper${i - 1}(input)` : "''"});`,
    '}',
  ];
}

function coreModule(names) {
  const controllers = names.map((name) => `${pascal(name)}Controller`);
  const providers = names.flatMap((name) => [
    `${pascal(name)}Service`,
    `${pascal(name)}Repository`,
    `${pascal(name)}Subscriber`,
    `${pascal(name)}Mapper`,
    `${pascal(name)}Seeder`,
  ]);
  return [
    "import { Module } from '@nestjs/common';",
    "import { APP_GUARD } from '@nestjs/core';",
    "import { TypeOrmModule } from '@nestjs/typeorm';",
    "import { AuthenticationGuard } from './guards/authentication.guard';",
    "import { PermissionsGuard } from './guards/permissions.guard';",
    "import { PermissionHelperService } from './services/permission-helper.service';",
    ...names.flatMap((name) => [
      `import { ${pascal(name)}Controller } from './controllers/${name}.controller';`,
      `import { ${pascal(name)}Service } from './services/${name}.service';`,
      `import { ${pascal(name)}Repository } from './repository/${name}.repository';`,
      `import { ${pascal(name)}Subscriber } from './subscribers/${name}.subscriber';`,
      `import { ${pascal(name)}Mapper } from './mappers/${name}.mapper';`,
      `import { ${pascal(name)}Seeder } from './seeders/${name}.seed';`,
    ]),
    '',
    '@Module({',
    '  imports: [TypeOrmModule.forFeature([])],',
    `  controllers: [${controllers.join(', ')}],`,
    '  providers: [',
    '    { provide: APP_GUARD, useClass: AuthenticationGuard },',
    '    { provide: APP_GUARD, useClass: PermissionsGuard },',
    '    PermissionHelperService,',
    `    ${providers.join(',\n    ')},`,
    '  ],',
    '})',
    'export class CoreModule {}',
  ];
}
