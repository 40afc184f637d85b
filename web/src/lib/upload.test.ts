import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from './auth';
import { multipartBody, uploadWithProgress, UploadError } from './upload';

interface Reply {
  status: number;
  body: string;
}

// A stand-in for XMLHttpRequest that reports progress and answers in turn.
function fakeXHR(replies: Reply[]) {
  const sent: { headers: Record<string, string>; body: FormData }[] = [];
  class FakeXHR {
    status = 0;
    responseText = '';
    withCredentials = false;
    upload: {
      onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;
    } = {
      onprogress: null,
    };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    private headers: Record<string, string> = {};
    open() {}
    setRequestHeader(k: string, v: string) {
      this.headers[k] = v;
    }
    abort() {
      this.onabort?.();
    }
    send(body: FormData) {
      sent.push({ headers: this.headers, body });
      const r = replies.shift();
      queueMicrotask(() => {
        if (!r) return this.onerror?.();
        this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
        this.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 });
        this.status = r.status;
        this.responseText = r.body;
        this.onload?.();
      });
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXHR);
  return sent;
}

function fakeSession(tokens: string[], refreshOK = true) {
  let i = 0;
  return {
    needsRefresh: () => false,
    accessToken: () => tokens[i] ?? null,
    refresh: vi.fn(async () => {
      i++;
      return refreshOK;
    }),
  } as unknown as Session & { refresh: ReturnType<typeof vi.fn> };
}

const file = new File(['%PDF-1.7 ...'], 'cv.pdf', { type: 'application/pdf' });
const opts = {
  query: 'mutation($file: Upload!) { uploadCV(file: $file) { id } }',
  variables: {},
  fileVariable: 'file',
  file,
};

describe('uploadWithProgress', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('builds a GraphQL multipart request', async () => {
    const fd = multipartBody(opts);
    expect(JSON.parse(fd.get('operations') as string)).toEqual({
      query: opts.query,
      variables: { file: null },
    });
    expect(JSON.parse(fd.get('map') as string)).toEqual({ 0: ['variables.file'] });
    expect((fd.get('0') as File).name).toBe('cv.pdf');
  });

  it('reports progress and returns the GraphQL result', async () => {
    const sent = fakeXHR([{ status: 200, body: '{"data":{"uploadCV":{"id":"cv1"}}}' }]);
    const seen: number[] = [];
    const r = await uploadWithProgress(fakeSession(['t1']), { ...opts, onProgress: (f) => seen.push(f) });
    expect(r.data).toEqual({ uploadCV: { id: 'cv1' } });
    expect(seen).toEqual([0.5, 1]);
    expect(sent[0]?.headers.Authorization).toBe('Bearer t1');
    expect(sent[0]?.headers['GraphQL-Preflight']).toBe('1');
  });

  it('refreshes the session and retries once after a 401', async () => {
    const sent = fakeXHR([
      { status: 401, body: '{"errors":[{"message":"expired","extensions":{"code":"UNAUTHENTICATED"}}]}' },
      { status: 200, body: '{"data":{"uploadCV":{"id":"cv1"}}}' },
    ]);
    const s = fakeSession(['t1', 't2']);
    const r = await uploadWithProgress(s, opts);
    expect(r.data).toEqual({ uploadCV: { id: 'cv1' } });
    expect(s.refresh).toHaveBeenCalledTimes(1);
    expect(sent.map((x) => x.headers.Authorization)).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('explains a file that is too large', async () => {
    fakeXHR([{ status: 413, body: 'request entity too large' }]);
    await expect(uploadWithProgress(fakeSession(['t1']), opts)).rejects.toEqual(
      new UploadError(413, 'That file is too large to upload.'),
    );
  });

  it('explains a dropped connection', async () => {
    fakeXHR([]);
    await expect(uploadWithProgress(fakeSession(['t1']), opts)).rejects.toThrow(/interrupted/);
  });
});
