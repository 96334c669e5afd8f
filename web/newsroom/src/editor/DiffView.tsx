// A word difference shown as text: inserted words in <ins>, deleted in <del> (underlined and
// struck through by editor.css, not told by colour alone), by title, lead and block.
import type { DiffRun } from '../api/types';
import { changed } from './word_diff';

export function DiffText({ runs }: { runs: DiffRun[] }) {
  return (
    <>
      {runs.map((r, i) =>
        r.kind === 'inserted' ? (
          <ins key={i}>{r.text}</ins>
        ) : r.kind === 'deleted' ? (
          <del key={i}>{r.text}</del>
        ) : (
          <span key={i}>{r.text}</span>
        ),
      )}
    </>
  );
}

export interface DiffViewProps {
  diff: { title: DiffRun[]; lead: DiffRun[]; blocks: DiffRun[][] };
  /** Show unchanged blocks too (a whole version), or only the changed ones. */
  all?: boolean;
}

export function DiffView({ diff, all }: DiffViewProps) {
  const blocks = diff.blocks.map((runs, i) => ({ runs, i })).filter(({ runs }) => all || changed(runs));
  return (
    <div className="diff">
      <section className="diff-part">
        <h3>Tiêu đề</h3>
        <p className="diff-text">
          <DiffText runs={diff.title} />
        </p>
      </section>
      <section className="diff-part">
        <h3>Sapo</h3>
        <p className="diff-text">
          <DiffText runs={diff.lead} />
        </p>
      </section>
      <section className="diff-part">
        <h3>Nội dung</h3>
        {blocks.length === 0 && <p className="diff-none">Không thay đổi.</p>}
        {blocks.map(({ runs, i }) => (
          <div key={i} className="diff-block">
            <span className="diff-block-number">Khối {i + 1}</span>
            <p className="diff-text">
              <DiffText runs={runs} />
            </p>
          </div>
        ))}
      </section>
    </div>
  );
}
