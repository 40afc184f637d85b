import { print } from 'graphql';
import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { ProgressBar } from '@/components/ui/ProgressBar';
import { session } from '@/lib/auth';
import { describeError } from '@/lib/errors';
import { uploadWithProgress } from '@/lib/upload';
import { checkCVFile, UploadCVMutation } from '../api/cv';

interface Uploaded {
  uploadCV: { id: string; fileName: string; status: string };
}

export function UploadCard({ onUploaded }: { onUploaded: (cvId: string) => void }) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function upload() {
    if (!file) return;
    const bad = checkCVFile(file);
    if (bad) return setError(bad);
    setError(null);
    setProgress(0);
    try {
      const res = await uploadWithProgress<Uploaded>(session, {
        query: print(UploadCVMutation),
        variables: {},
        fileVariable: 'file',
        file,
        onProgress: (f) => setProgress(f * 100),
      });
      const id = res.data?.uploadCV?.id;
      if (!id) {
        const first = res.errors?.[0];
        throw new Error(first ? first.message : 'The server did not accept the file.');
      }
      setFile(null);
      if (input.current) input.current.value = '';
      onUploaded(id);
    } catch (err) {
      const msg = err instanceof Error && !('graphQLErrors' in err) ? err.message : describeError(err);
      setError(msg.charAt(0).toUpperCase() + msg.slice(1));
    } finally {
      setProgress(null);
    }
  }

  return (
    <Card aria-labelledby="cv-upload">
      <h2 id="cv-upload" className="mb-3 text-base font-semibold">
        Upload a CV
      </h2>
      <div className="flex flex-col gap-3">
        <label htmlFor={inputId} className="text-sm font-medium">
          CV file (PDF or Word .docx, up to 10 MB)
        </label>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            setFile(f);
            setError(f ? checkCVFile(f) : null);
          }}
          className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm dark:file:border-slate-600 dark:file:bg-slate-800 dark:file:text-slate-100"
        />
        {progress !== null && <ProgressBar label="Uploading" value={progress} />}
        {error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
        <Button
          className="self-start"
          onClick={upload}
          disabled={!file || progress !== null}
          busy={progress !== null}
        >
          {progress !== null ? 'Uploading…' : error && file ? 'Try again' : 'Upload and analyse'}
        </Button>
      </div>
    </Card>
  );
}
