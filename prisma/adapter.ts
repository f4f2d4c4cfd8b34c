// The pg driver adapter used by Prisma's JavaScript schema engine (migrations) and by the app.
// Two work-arounds for Prisma 6.19's early-access JS engine (docs/decisions/001-prisma-6-js-engine.md):
//  1. catalog columns of type name/"char"/regproc… cannot be deserialised (prisma/orm#27403), so
//     their type oids are reported to the adapter as text;
//  2. the shadow database must be reached with discrete connection fields and dropped only after
//     its pool is closed;
//  3. the adapter's executeScript splits a migration on every ";", which breaks PL/pgSQL bodies, so
//     a migration script is sent whole (PostgreSQL's simple-query protocol runs several statements).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
const AS_TEXT = new Set([18, 19, 22, 24, 30, 194, 2205, 2206]);
const AS_TEXT_ARRAY = new Set([1002, 1003]);

type Field = { dataTypeID: number };
type MaybeResult = { fields?: Field[] } | Array<{ fields?: Field[] }> | undefined;

function remapFields(result: MaybeResult): void {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results) {
    for (const field of r?.fields ?? []) {
      if (AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
      else if (AS_TEXT_ARRAY.has(field.dataTypeID)) field.dataTypeID = TEXT_ARRAY_OID;
    }
  }
}

/** A pg.Client whose results report catalog-only column types as text, on every query path. */
class CatalogSafeClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's query overloads cannot be re-declared generically
  query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error | null, res: MaybeResult) => {
        if (!err) remapFields(res);
        last(err, res);
      };
      return (pg.Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
    }
    const out = (pg.Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
    if (out && typeof (out as Promise<MaybeResult>).then === "function") {
      return (out as Promise<MaybeResult>).then((res) => {
        remapFields(res);
        return res;
      });
    }
    return out;
  }
}

export type ConnectionFields = {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
};

export function connectionFields(databaseUrl: string): ConnectionFields {
  const url = new URL(databaseUrl);
  const socketHost = url.searchParams.get("host");
  return {
    host: socketHost ?? (decodeURIComponent(url.hostname) || "localhost"),
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.replace(/^\//, "")),
  };
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

function sendScriptsWhole(adapter: Adapter): Adapter {
  const reportError = (adapter as unknown as { onError: (e: unknown) => never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      reportError(error);
    }
  };
  return adapter;
}

class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly fields: ConnectionFields) {
    super({ ...fields, Client: CatalogSafeClient } as pg.PoolConfig);
  }

  async connect() {
    return sendScriptsWhole(await super.connect());
  }

  async connectToShadowDb() {
    const shadowName = `prisma_shadow_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ ...this.fields });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${shadowName}"`);
    await admin.end();
    const shadow = new PrismaPg({ ...this.fields, database: shadowName, Client: CatalogSafeClient } as pg.PoolConfig);
    const adapter = sendScriptsWhole(await shadow.connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const cleaner = new pg.Client({ ...this.fields });
      await cleaner.connect();
      await cleaner.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
      await cleaner.end();
    };
    return adapter;
  }
}

export function migrationAdapter(databaseUrl: string): PrismaPg {
  return new MigrationAdapterFactory(connectionFields(databaseUrl));
}
