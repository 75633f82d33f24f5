// In-process hot paths, with allocations (MemoryDiagnoser). Run all:
//   dotnet run -c Release --project bench/Cartesia.Benchmarks -- --filter '*'
// A quick pass: add --job short. Benchmarks run in this process (--inProcess is added unless --outOfProcess is
// given): building BenchmarkDotNet's separate project takes longer than its 2-minute limit on a small machine.
// The receive path over a real socket (allocations per chunk included) is measured by bench/run.sh.
using BenchmarkDotNet.Running;

string[] arguments = args.Contains("--outOfProcess") ? [.. args.Where(a => a != "--outOfProcess")] : [.. args, "--inProcess"];
BenchmarkSwitcher.FromAssembly(typeof(Cartesia.Benchmarks.TtsChunkBenchmarks).Assembly).Run(arguments);
