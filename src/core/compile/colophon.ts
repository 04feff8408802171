/**
 * The words of the 版记, decided once for every renderer: which items are
 * shown, how each is worded and in which order.
 *
 * Staff are listed 编辑 · 审核 · 签发, the order the work is done in (the
 * clerk edits, the office head reviews, the leader signs off) and the order
 * the web page always used; the print page used to list them the other way
 * round. Contact: 联系人 · 电话 · 邮箱; copies: 共印N份.
 */
import type { Contact } from '../schema/site.ts';
import type { Colophon, ColophonItem, DistributionLine } from '../model/issue.ts';

export const STAFF_ROLES = [
  { role: 'editor', label: '编辑' },
  { role: 'reviewer', label: '审核' },
  { role: 'signer', label: '签发' },
] as const;

export const CONTACT_FIELDS = [
  { field: 'name', label: '联系人' },
  { field: 'phone', label: '电话' },
  { field: 'email', label: '邮箱' },
] as const;

function item(label: string, value: string): ColophonItem {
  return { label, value, text: `${label}：${value}` };
}

export function compileColophon(input: {
  distribution: DistributionLine[];
  contact: Contact | undefined;
  copies: number | undefined;
  staff: { editor?: string | undefined; reviewer?: string | undefined; signer?: string | undefined };
}): Colophon {
  const contact = CONTACT_FIELDS.flatMap(({ field, label }) => {
    const value = input.contact?.[field];
    return value ? [item(label, value)] : [];
  });
  const staff = STAFF_ROLES.flatMap(({ role, label }) => {
    const name = input.staff[role];
    return name ? [{ role, ...item(label, name) }] : [];
  });
  return {
    distribution: input.distribution,
    contact,
    ...(input.copies ? { copies: { count: input.copies, text: `共印${input.copies}份` } } : {}),
    staff,
  };
}
