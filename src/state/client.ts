/**
 * The UI's end of the protocol: sends commands, routes snapshots and patches into the stores, and
 * resolves each command's promise when its result comes back.
 */
import {
  PROTOCOL_VERSION,
  type ClientMessage,
  type ServerMessage,
  type Speed,
  type Transport,
  type WireApplyResult,
  type WireClaimBinding,
  type WireKubectlResult,
  type WirePodView,
} from '../protocol/messages';
import { applyPatch, useCluster, viewFromSnapshot } from './cluster';
import { useClock } from './clock';
import { notePowerCommand } from './node-power';
import { receiveTime, receiveTraffic, resetTraffic } from './traffic';

export interface SimClient {
  apply(yaml: string): Promise<WireApplyResult[]>;
  kubectl(command: string, stdin?: string): Promise<WireKubectlResult>;
  /** A command that may keep printing (`get --watch`): `onOutput` gets each piece until stop(). */
  kubectlStream(command: string, onOutput: (stdout: string, stderr: string) => void): KubectlRun;
  deleteObject(kind: string, name: string, namespace?: string): Promise<WireKubectlResult>;
  /** A pod's volume files and its containers' environments, as the kubelet sees them now. */
  podView(namespace: string, name: string): Promise<WirePodView>;
  /** A claim's binding flow: the binder's search, its decision now, and the audit log's writes. */
  claimBinding(namespace: string, name: string): Promise<WireClaimBinding>;
  pause(): void;
  play(): void;
  setSpeed(speed: Speed): void;
}

/** A command the terminal is running: its result arrives when it ends (by itself or after stop()). */
export interface KubectlRun {
  done: Promise<WireKubectlResult>;
  stop(): void;
}

export interface ConnectOptions {
  seed?: number;
  nodes?: number;
}

type Pending =
  | { kind: 'apply'; resolve(results: WireApplyResult[]): void }
  | { kind: 'kubectl'; resolve(result: WireKubectlResult): void; onOutput?(stdout: string, stderr: string): void }
  | { kind: 'podView'; resolve(view: WirePodView): void }
  | { kind: 'claimBinding'; resolve(binding: WireClaimBinding): void };

export function connectClient(transport: Transport<ClientMessage, ServerMessage>, options: ConnectOptions = {}): SimClient {
  let nextId = 1;
  const pending = new Map<number, Pending>();

  transport.onMessage((message) => {
    switch (message.type) {
      case 'snapshot':
        useCluster.setState(viewFromSnapshot(message.objects), true);
        useClock.setState({
          time: message.time,
          epoch: message.epoch,
          paused: message.paused,
          speed: message.speed,
          connected: true,
          fatal: undefined,
        });
        resetTraffic(message.traffic, message.time);
        return;
      case 'patch':
        useCluster.setState(applyPatch(useCluster.getState(), message.upserted, message.deleted), true);
        useClock.setState({ time: message.time });
        if (message.traffic) receiveTraffic(message.traffic, message.time);
        else receiveTime(message.time);
        return;
      case 'clock':
        useClock.setState({ time: message.time, paused: message.paused, speed: message.speed });
        receiveTime(message.time);
        return;
      case 'applyResult': {
        const request = pending.get(message.id);
        pending.delete(message.id);
        if (request?.kind === 'apply') request.resolve(message.results);
        return;
      }
      case 'kubectlResult':
      case 'deleteResult': {
        const request = pending.get(message.id);
        pending.delete(message.id);
        if (request?.kind === 'kubectl') request.resolve(message.result);
        return;
      }
      case 'podViewResult': {
        const request = pending.get(message.id);
        pending.delete(message.id);
        if (request?.kind === 'podView') request.resolve(message.view);
        return;
      }
      case 'claimBindingResult': {
        const request = pending.get(message.id);
        pending.delete(message.id);
        if (request?.kind === 'claimBinding') request.resolve(message.binding);
        return;
      }
      case 'kubectlOutput': {
        const request = pending.get(message.id);
        if (request?.kind === 'kubectl') request.onOutput?.(message.stdout, message.stderr);
        return;
      }
      case 'fatal':
        useClock.setState({ fatal: message.message });
        return;
    }
  });

  transport.send({ type: 'connect', version: PROTOCOL_VERSION, ...options });

  return {
    apply(yaml) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { kind: 'apply', resolve });
        transport.send({ type: 'apply', id, yaml });
      });
    },
    kubectl(command, stdin) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, {
          kind: 'kubectl',
          resolve(result) {
            notePowerCommand(command, result);
            resolve(result);
          },
        });
        transport.send({ type: 'kubectl', id, command, stdin });
      });
    },
    kubectlStream(command, onOutput) {
      const id = nextId++;
      const done = new Promise<WireKubectlResult>((resolve) => {
        pending.set(id, { kind: 'kubectl', resolve, onOutput });
        transport.send({ type: 'kubectl', id, command, stream: true });
      });
      return { done, stop: () => transport.send({ type: 'kubectlStop', id }) };
    },
    deleteObject(kind, name, namespace) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { kind: 'kubectl', resolve });
        transport.send({ type: 'delete', id, kind, name, namespace });
      });
    },
    podView(namespace, name) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { kind: 'podView', resolve });
        transport.send({ type: 'podView', id, namespace, name });
      });
    },
    claimBinding(namespace, name) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, { kind: 'claimBinding', resolve });
        transport.send({ type: 'claimBinding', id, namespace, name });
      });
    },
    pause: () => transport.send({ type: 'pause' }),
    play: () => transport.send({ type: 'play' }),
    setSpeed: (speed) => transport.send({ type: 'setSpeed', speed }),
  };
}
