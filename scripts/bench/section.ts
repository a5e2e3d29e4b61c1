/** One part of `npm run bench`: a titled block of figures. */
export interface BenchSection {
  title: string;
  run(): Promise<string[]>;
}
