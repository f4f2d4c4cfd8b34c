/** The Chinese message for a sign-in refusal code ("invalid", "locked:<minutes>" or "throttled:<minutes>"). */
export function signInMessage(code: string): string {
  const throttled = /^throttled:(\d+)$/.exec(code);
  if (throttled) return `尝试过于频繁，请${throttled[1]}分钟后再试。`;
  const locked = /^locked:(\d+)$/.exec(code);
  if (locked) {
    const minutes = Number(locked[1]);
    if (minutes > 24 * 60) return "账户已被系统管理员锁定，请联系系统管理员解锁。";
    if (minutes > 60) return `账户已被锁定，请约${Math.ceil(minutes / 60)}小时后再试，或联系系统管理员解锁。`;
    return `登录失败次数过多，账户已临时锁定，请${minutes}分钟后再试，或联系系统管理员解锁。`;
  }
  return "用户名或密码错误，请重新输入。连续多次失败后账户将被临时锁定。";
}
