/**
 * The machine's faults a build meets (a read-only or full disk, a folder in
 * use, no permission) in Chinese, naming the path and the cause: they are
 * the clerk's or the administrator's to fix, not our bugs, so no stack trace.
 */

/** Causes by Node error code. */
const CAUSES: Record<string, string> = {
  EROFS: '所在的文件系统是只读的',
  ENOSPC: '磁盘空间已满',
  EDQUOT: '超出了磁盘配额',
  EBUSY: '正被占用（可能是挂载点，或被其他程序打开）',
  EACCES: '没有写入权限',
  EPERM: '不允许这样操作（没有权限，或文件被锁定）',
  EEXIST: '已经存在',
  ENOTEMPTY: '文件夹不是空的',
  ENOTDIR: '路径中的一段是文件，不是文件夹',
  EISDIR: '是一个文件夹',
  ENOENT: '不存在（可能在生成过程中被删除或移走）',
  EMFILE: '同时打开的文件太多',
  ENFILE: '系统同时打开的文件太多',
  EIO: '磁盘读写错误',
  ENAMETOOLONG: '路径过长',
  ELOOP: '链接层数过多（循环链接）',
  EXDEV: '不能跨磁盘移动',
};

interface ErrnoLike {
  code?: unknown;
  path?: unknown;
  dest?: unknown;
  syscall?: unknown;
}

/** A file-system error from Node (it carries a known code), else undefined. */
export function fileSystemFault(error: unknown): { path: string | undefined; cause: string; code: string } | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { code, path, dest } = error as ErrnoLike;
  if (typeof code !== 'string' || !(code in CAUSES)) return undefined;
  const where = typeof dest === 'string' && code !== 'ENOENT' ? dest : typeof path === 'string' ? path : undefined;
  return { path: where, cause: CAUSES[code]!, code };
}

/** The Chinese sentence for a file-system error, or undefined when `error` is not one. */
export function describeFault(error: unknown): string | undefined {
  const fault = fileSystemFault(error);
  if (!fault) return undefined;
  return fault.path
    ? `写入 ${fault.path} 失败：${fault.cause}（${fault.code}）`
    : `读写文件失败：${fault.cause}（${fault.code}）`;
}
