import { Fragment } from 'react';
import { parseMarkdown, type Inline } from './markdown';

function Inlines({ content }: { content: readonly Inline[] }) {
  return content.map((part, i) => {
    switch (part.type) {
      case 'text':
        return <Fragment key={i}>{part.text}</Fragment>;
      case 'code':
        return (
          <code key={i} className="rounded bg-slate-800 px-1 py-px font-mono text-[0.85em] text-sky-200">
            {part.text}
          </code>
        );
      case 'strong':
        return (
          <strong key={i} className="font-semibold text-slate-50">
            <Inlines content={part.children} />
          </strong>
        );
    }
  });
}

/** Lesson text as React elements: every character is text, none of it HTML. */
export function Markdown({ source, className = '' }: { source: string; className?: string }) {
  return (
    <div className={`flex flex-col gap-2 ${className}`}>
      {parseMarkdown(source).map((block, i) =>
        block.type === 'paragraph' ? (
          <p key={i}>
            <Inlines content={block.children} />
          </p>
        ) : block.ordered ? (
          <ol key={i} start={block.start} className="flex list-decimal flex-col gap-1 pl-5">
            {block.items.map((item, j) => (
              <li key={j}>
                <Inlines content={item} />
              </li>
            ))}
          </ol>
        ) : (
          <ul key={i} className="flex list-disc flex-col gap-1 pl-5">
            {block.items.map((item, j) => (
              <li key={j}>
                <Inlines content={item} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
