import type { InstructionTable } from '../table/instruction-table';
import { analyse, type Program } from './program';

/**
 * Decoded programs by code hash, for one fork's table. Bounded: when full, the oldest entry is
 * dropped (a Map iterates in insertion order), so a long-running node does not grow without end.
 */
export class ProgramCache {
  private readonly programs = new Map<string, Program>();

  constructor(
    readonly table: InstructionTable,
    private readonly capacity = 4096,
  ) {}

  /** The program for deployed code, keyed by its code hash in hex. */
  get(codeKey: string, code: Uint8Array): Program {
    let program = this.programs.get(codeKey);
    if (program === undefined) {
      program = analyse(code, this.table);
      if (this.programs.size >= this.capacity) this.programs.delete(this.programs.keys().next().value as string);
      this.programs.set(codeKey, program);
    }
    return program;
  }

  /** Init code runs once per creation and has no hash yet: it is decoded without caching. */
  uncached(code: Uint8Array): Program {
    return analyse(code, this.table);
  }
}
