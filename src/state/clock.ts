/** The cluster clock as the worker last reported it, and whether the worker is there at all. */
import { create } from 'zustand';
import type { Speed } from '../protocol/messages';

export interface ClockState {
  /** Virtual ms since the cluster started. */
  time: number;
  /** Wall-clock ms of virtual time 0: `epoch + time` is "now" for ages and timestamps. */
  epoch: number;
  paused: boolean;
  speed: Speed;
  connected: boolean;
  /** Set when the worker stopped on an error; the app shows it instead of a frozen cluster. */
  fatal?: string;
}

export const useClock = create<ClockState>(() => ({ time: 0, epoch: 0, paused: false, speed: 1, connected: false }));

/** The virtual wall-clock instant, for ages. */
export const selectNow = (s: ClockState) => s.epoch + s.time;

/** Whole virtual seconds: ages only change once a second, so components re-render once a second. */
export const selectNowSeconds = (s: ClockState) => s.epoch + Math.floor(s.time / 1000) * 1000;
