import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { listNotifications, notificationFor, safeNoticeLink, unreadCount } from "@/lib/notifications/data";
import { markAllNotificationsRead, markNotificationsRead, notifyOrganisation, notifyUsers } from "@/lib/notifications/mutations";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createOrg, createUser } from "../support/monitor-factory";

let t: TestDatabase;
let alice: Actor;
let bob: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  const org = await createOrg(t.prisma, "市司法局", ["source"]);
  alice = await createUser(t.prisma, org, "alice", ["source"]);
  const other = await createOrg(t.prisma, "市法院", ["source"]);
  bob = await createUser(t.prisma, other, "bob", ["source"]);
});
afterAll(() => t.drop());

describe("in-app notifications", () => {
  it("lists, counts and opens only the user's own notices", async () => {
    await notifyUsers(t.prisma, [alice.id], { kind: "test", title: "一", body: "第一条", link: "/collect" });
    await notifyOrganisation(t.prisma, alice.organisationId, { kind: "test", title: "二", body: "第二条" });
    const [bobsNotice] = await t.prisma.notification.createManyAndReturn({ data: [{ userId: bob.id, kind: "test", title: "鲍勃", body: "别人的" }] });
    expect(await unreadCount(alice.id)).toBe(2);
    expect(await unreadCount(bob.id)).toBe(1);
    const page = await listNotifications(alice.id, { show: "all", page: 1 });
    expect(page).toMatchObject({ total: 2, unread: 2 });
    expect(page.rows.map((r) => r.title).sort()).toEqual(["一", "二"]);
    expect(await notificationFor(alice.id, bobsNotice!.id)).toBeNull();
  });

  it("marks read only the user's own notices", async () => {
    const [bobsNotice] = await t.prisma.notification.findMany({ where: { userId: bob.id } });
    const mine = await t.prisma.notification.findMany({ where: { userId: alice.id }, orderBy: { title: "asc" } });
    expect(await markNotificationsRead(t.prisma, alice.id, [mine[0]!.id, bobsNotice!.id], new Date())).toBe(1);
    expect(await unreadCount(alice.id)).toBe(1);
    expect(await unreadCount(bob.id)).toBe(1);
    expect((await listNotifications(alice.id, { show: "unread", page: 1 })).rows.map((r) => r.title)).toEqual(["二"]);
    expect(await markAllNotificationsRead(t.prisma, alice.id, new Date())).toBe(1);
    expect(await unreadCount(alice.id)).toBe(0);
    expect(await unreadCount(bob.id)).toBe(1);
  });

  it("pages 20 at a time, newest first", async () => {
    await notifyUsers(t.prisma, [bob.id], { kind: "test", title: "批量", body: "x" });
    for (let i = 0; i < 24; i++) await t.prisma.notification.create({ data: { userId: bob.id, kind: "test", title: `第${i}条`, body: "", createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)) } });
    const first = await listNotifications(bob.id, { show: "all", page: 1 });
    const second = await listNotifications(bob.id, { show: "all", page: 2 });
    expect(first.total).toBe(26);
    expect(first.rows).toHaveLength(20);
    expect(second.rows).toHaveLength(6);
    expect(second.rows.at(-1)?.title).toBe("第0条");
  });

  it("follows only links inside the application", () => {
    expect(safeNoticeLink("/cycles/1/collection")).toBe("/cycles/1/collection");
    expect(safeNoticeLink("https://evil.example")).toBeNull();
    expect(safeNoticeLink("//evil.example")).toBeNull();
    expect(safeNoticeLink(null)).toBeNull();
  });
});
