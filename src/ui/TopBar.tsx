import { currentLanguage, LANGUAGE_NAMES, LANGUAGES, setLanguage, useTranslation, type Language } from '../i18n';
import { SPEEDS, type Speed } from '../protocol/messages';
import { formatClock } from '../state/age';
import { useClock } from '../state/clock';
import { useCluster } from '../state/cluster';
import { useLessons } from '../state/lessons';
import { useAbout } from './about/about-store';
import { useClient } from './client-context';
import { GlobeIcon, PauseIcon, PlayIcon } from './icons';

const control =
  'rounded-md border border-slate-700 bg-slate-800 px-2 py-1.5 text-sm text-slate-100 focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:outline-none';

function Clock() {
  const { t } = useTranslation();
  // Re-render once per virtual second, not on every tick.
  const seconds = useClock((s) => Math.floor(s.time / 1000));
  const paused = useClock((s) => s.paused);
  return (
    <div className="flex flex-col items-start leading-none">
      <span className="text-[10px] tracking-wide text-slate-400 uppercase">{t('topBar.clusterTime')}</span>
      <time
        aria-label={t('topBar.clusterClock')}
        dateTime={`PT${seconds}S`}
        className={`font-mono text-lg font-semibold tabular-nums ${paused ? 'text-amber-300' : 'text-slate-100'}`}
      >
        {formatClock(seconds * 1000)}
      </time>
    </div>
  );
}

function Counts() {
  const { t } = useTranslation();
  const nodes = useCluster((s) => s.topology.nodes.length);
  const pods = useCluster((s) => s.byKind.get('Pod')?.size ?? 0);
  return (
    <span className="text-xs text-slate-400">
      {t('topBar.counts', { nodes, pods })}
    </span>
  );
}

/**
 * The language switch. Its name is in both languages and each option in its own, so a learner who
 * cannot read the current language still finds theirs.
 */
function LanguageSwitch() {
  const { i18n } = useTranslation();
  return (
    <div className="flex items-center gap-1.5">
      <label htmlFor="language" className="text-slate-400">
        <GlobeIcon className="size-4" />
        <span className="sr-only">Language / 언어</span>
      </label>
      <select
        id="language"
        value={currentLanguage(i18n.resolvedLanguage)}
        onChange={(event) => setLanguage(event.target.value as Language)}
        className={control}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The cluster clock and its controls: Pause/Play and Speed; lessons, language, and the About panel behind `?`. */
export function TopBar() {
  const { t } = useTranslation();
  const client = useClient();
  const paused = useClock((s) => s.paused);
  const speed = useClock((s) => s.speed);
  const connected = useClock((s) => s.connected);
  const showAbout = useAbout((s) => s.show);
  const lessonsOpen = useLessons((s) => s.open);
  const toggleLessons = useLessons((s) => s.toggle);

  return (
    <header className="flex h-14 shrink-0 items-center gap-5 border-b border-slate-800 bg-slate-900 px-4">
      <div className="flex items-center gap-2">
        <svg viewBox="0 0 24 24" className="size-7 text-sky-400" aria-hidden="true">
          <path fill="currentColor" d="M12 2 3.3 7v10L12 22l8.7-5V7L12 2Zm0 2.3 6.7 3.9v7.6L12 19.7l-6.7-3.9V8.2L12 4.3Z" />
          <circle cx="12" cy="12" r="3" fill="currentColor" />
        </svg>
        <div className="leading-tight">
          <h1 className="text-base font-bold tracking-tight text-slate-100">kubesim</h1>
          <p className="text-[10px] text-slate-400">{t('topBar.tagline')}</p>
        </div>
      </div>
      <div className="h-8 w-px bg-slate-800" />
      <Clock />
      <button
        type="button"
        onClick={() => (paused ? client.play() : client.pause())}
        disabled={!connected}
        className="flex items-center gap-1.5 rounded-md border border-slate-700 bg-slate-800 px-3 py-1.5 text-sm font-medium text-slate-100 hover:bg-slate-700 focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:outline-none disabled:opacity-50"
      >
        {paused ? <PlayIcon className="size-4" /> : <PauseIcon className="size-4" />}
        {paused ? t('topBar.play') : t('topBar.pause')}
      </button>
      <div className="flex items-center gap-2">
        <label htmlFor="speed" className="text-sm text-slate-400">
          {t('topBar.speed')}
        </label>
        <select
          id="speed"
          value={speed}
          disabled={!connected}
          onChange={(event) => client.setSpeed(Number(event.target.value) as Speed)}
          className={control}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        id="lessons-toggle"
        aria-pressed={lessonsOpen}
        aria-controls={lessonsOpen ? 'lesson-panel' : undefined}
        onClick={toggleLessons}
        className="rounded-md border border-slate-700 bg-slate-800 px-3 py-1.5 text-sm font-medium text-slate-100 hover:bg-slate-700 focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:outline-none aria-pressed:border-sky-500 aria-pressed:bg-sky-500/15 aria-pressed:text-sky-100"
      >
        {t('topBar.lessons')}
      </button>
      <div className="ml-auto flex items-center gap-3">
        <Counts />
        <span className={`flex items-center gap-1.5 text-xs ${connected ? 'text-emerald-300' : 'text-slate-400'}`}>
          <span className={`size-2 rounded-full ${connected ? 'bg-emerald-400' : 'bg-slate-600'}`} aria-hidden="true" />
          {connected ? t('topBar.running') : t('topBar.starting')}
        </span>
        <button
          type="button"
          aria-label={t('topBar.about')}
          title={t('topBar.aboutTitle')}
          onClick={() => showAbout()}
          className="flex size-7 items-center justify-center rounded-full border border-slate-600 text-sm font-bold text-slate-200 hover:bg-slate-800 focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:outline-none"
        >
          ?
        </button>
        <LanguageSwitch />
      </div>
    </header>
  );
}
