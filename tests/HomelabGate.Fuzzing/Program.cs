using System.Collections.Concurrent;
using System.Diagnostics;
using HomelabGate.Fuzzing;

// generate: write N mutated manifests (deterministic for a seed) to a folder.
// run:      feed every file of a folder to `gate validate` in child processes and count crashes, hangs, slow runs,
//           diagnostics outside the file and internal errors. Exit 1 when any was found.
var options = Options.Parse(args);
switch (options.Verb)
{
    case "generate":
        var seeds = Seed.Shipped(Seed.RepoRoot(Directory.GetCurrentDirectory()));
        Directory.CreateDirectory(options.Get("out"));
        var index = 0;
        foreach (var input in ManifestGen.Deterministic(ManifestGen.Mutated(seeds), ulong.Parse(options.Get("seed", "1")), int.Parse(options.Get("count"))))
        {
            File.WriteAllBytes(Path.Combine(options.Get("out"), $"m{index++:D6}.yaml"), input.Bytes);
        }
        Console.WriteLine($"wrote {index} manifests to {options.Get("out")}");
        return 0;
    case "run":
        var runner = new ValidateRunner(options.Get("gate"), TimeSpan.FromSeconds(double.Parse(options.Get("slow", "2"))),
            TimeSpan.FromSeconds(double.Parse(options.Get("hang", "10"))));
        var files = Directory.GetFiles(options.Get("corpus")).Order(StringComparer.Ordinal).ToList();
        var outcomes = new ConcurrentBag<Outcome>();
        var watch = Stopwatch.StartNew();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = int.Parse(options.Get("jobs", "2")) }, f => outcomes.Add(runner.Run(f)));
        var byKind = outcomes.GroupBy(o => o.Kind).OrderBy(g => g.Key).ToList();
        Console.WriteLine($"{files.Count} inputs in {watch.Elapsed.TotalSeconds:F0} s ({files.Count / watch.Elapsed.TotalSeconds:F1}/s)");
        foreach (var group in byKind)
        {
            Console.WriteLine($"  {group.Key}: {group.Count()}");
        }
        foreach (var bad in outcomes.Where(o => o.Kind < OutcomeKind.Rejected).OrderBy(o => o.Kind).ThenBy(o => o.File, StringComparer.Ordinal))
        {
            Console.WriteLine($"{bad.Kind} {Path.GetFileName(bad.File)} exit={bad.ExitCode} {bad.Seconds:F1}s {bad.Detail}");
        }
        return outcomes.Any(o => o.Kind < OutcomeKind.Slow) ? 1 : 0;
    default:
        Console.Error.WriteLine("usage: generate --count N [--seed S] --out DIR | run --gate PATH --corpus DIR [--jobs 2] [--slow 2] [--hang 10]");
        return 2;
}
