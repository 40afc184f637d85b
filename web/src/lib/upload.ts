import type { Session } from './auth';

// GraphQL multipart uploads with a progress bar. urql can upload by itself
// (a File in the variables), but fetch reports no upload progress, so the CV
// page uses this: the GraphQL multipart request spec over XMLHttpRequest.

export interface UploadResult<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface UploadOptions {
  query: string;
  variables: Record<string, unknown>;
  /** The variable that holds the file, e.g. "file" for `$file: Upload!`. */
  fileVariable: string;
  file: File;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export class UploadError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'UploadError';
    this.status = status;
  }
}

/** The multipart body: operations, map, then the file as part "0". */
export function multipartBody(
  o: Pick<UploadOptions, 'query' | 'variables' | 'fileVariable' | 'file'>,
): FormData {
  const fd = new FormData();
  fd.append(
    'operations',
    JSON.stringify({ query: o.query, variables: { ...o.variables, [o.fileVariable]: null } }),
  );
  fd.append('map', JSON.stringify({ 0: [`variables.${o.fileVariable}`] }));
  fd.append('0', o.file, o.file.name);
  return fd;
}

function send<T>(
  o: UploadOptions,
  token: string | null,
): Promise<{ status: number; body: UploadResult<T> | null }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/graphql');
    xhr.withCredentials = true;
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    // A multipart POST is a "simple" request a foreign site could send; the
    // router's CSRF check wants this header, which only same-origin code can add.
    xhr.setRequestHeader('GraphQL-Preflight', '1');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) o.onProgress?.(Math.min(1, e.loaded / e.total));
    };
    xhr.onload = () => {
      let body: UploadResult<T> | null = null;
      try {
        body = JSON.parse(xhr.responseText) as UploadResult<T>;
      } catch {
        /* not JSON: judged by the status below */
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () =>
      reject(new UploadError(0, 'The upload was interrupted. Check your connection and try again.'));
    xhr.onabort = () => reject(new DOMException('upload cancelled', 'AbortError'));
    o.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(multipartBody(o));
  });
}

/** Uploads once; on 401 refreshes the session and uploads again. */
export async function uploadWithProgress<T>(session: Session, o: UploadOptions): Promise<UploadResult<T>> {
  if (session.needsRefresh()) await session.refresh();
  let res = await send<T>(o, session.accessToken());
  if (res.status === 401 && (await session.refresh())) {
    o.onProgress?.(0);
    res = await send<T>(o, session.accessToken());
  }
  if (res.body && (res.body.data !== undefined || res.body.errors)) return res.body;
  if (res.status === 413) throw new UploadError(413, 'That file is too large to upload.');
  throw new UploadError(
    res.status,
    `The upload failed (the server answered ${res.status}). Try again in a moment.`,
  );
}
