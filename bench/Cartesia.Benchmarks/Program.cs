// In-process hot paths, with allocations (MemoryDiagnoser). Run all:
//   dotnet run -c Release --project bench/Cartesia.Benchmarks -- --filter '*'
// A quick pass: add --job short. The receive path over a real socket (allocations per chunk included) is measured
// by bench/run.sh.
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Cartesia.Benchmarks.TtsChunkBenchmarks).Assembly).Run(args);
