/**
 * What a failed file operation means, in Chinese: Node reports `ENOENT`,
 * `EACCES`… and an English text, neither of which a clerk should see.
 */
const REASONS: Record<string, string> = {
  ENOENT: '文件或文件夹不存在',
  EACCES: '没有权限',
  EPERM: '没有权限（或文件被其他程序占用）',
  EISDIR: '这是一个文件夹，不是文件',
  ENOTDIR: '路径中有一段不是文件夹',
  EEXIST: '已经存在同名的文件',
  ENOSPC: '磁盘空间不足',
  EROFS: '磁盘或文件夹是只读的',
  EBUSY: '文件被其他程序占用',
  EMFILE: '同时打开的文件太多',
  ENAMETOOLONG: '文件名或路径太长',
  EXDEV: '不能跨磁盘移动',
  ENOTEMPTY: '文件夹不是空的',
  ECONNREFUSED: '连接被拒绝',
  EADDRINUSE: '端口已被占用',
};

/** The reason for an error code, in Chinese (`ENOENT` → 文件或文件夹不存在). */
export function errnoReason(code: string | undefined): string {
  return (code && REASONS[code]) ?? `系统错误${code ? `（${code}）` : ''}`;
}

/** A file-system error of Node (`code`, `syscall`, usually `path`), not our bug. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === 'string' &&
    typeof (error as NodeJS.ErrnoException).syscall === 'string'
  );
}

/** `无法写入 /srv/www/bulletin：没有权限` — the operation, the path and the reason, in Chinese. */
export function systemErrorMessage(error: NodeJS.ErrnoException): string {
  const verbs: Record<string, string> = {
    open: '打开',
    read: '读取',
    write: '写入',
    mkdir: '建立文件夹',
    rmdir: '删除文件夹',
    rm: '删除',
    unlink: '删除',
    rename: '移动',
    copyfile: '复制',
    cp: '复制',
    scandir: '读取文件夹',
    stat: '访问',
    lstat: '访问',
    access: '访问',
    link: '写入',
    symlink: '建立链接',
    listen: '监听',
    connect: '连接',
    spawn: '启动',
  };
  const verb = verbs[error.syscall ?? ''] ?? '处理';
  const dest = (error as { dest?: string }).dest;
  const where = error.path ? ` ${error.path}${dest ? ` → ${dest}` : ''}` : '';
  return `无法${verb}${where}：${errnoReason(error.code)}`;
}
