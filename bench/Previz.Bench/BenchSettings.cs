using System.Globalization;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;

namespace Previz.Bench;

/// <summary>The benchmark's command-line options.</summary>
internal sealed record BenchSettings(double Seconds, double Fps, ResolutionPreset Resolution, IReadOnlyList<RenderPass> Passes, int Repeat, string OutDir, bool KeepOutput)
{
    public static BenchSettings Parse(string[] args)
    {
        var seconds = double.Parse(Option(args, "--seconds") ?? "10", CultureInfo.InvariantCulture);
        var fps = double.Parse(Option(args, "--fps") ?? "24", CultureInfo.InvariantCulture);
        var resolution = ResolutionPresets.TryParse(Option(args, "--resolution") ?? "2k", out var r) ? r.Value : throw new ArgumentException("--resolution");
        var passes = (Option(args, "--passes") ?? "wireframe,shaded,depth").Split(',')
            .Select(n => RenderPasses.TryParse(n, out var p) ? p.Value : throw new ArgumentException($"unknown pass {n}")).ToList();
        var repeat = int.Parse(Option(args, "--repeat") ?? "3", CultureInfo.InvariantCulture);
        var keep = Option(args, "--out") is not null;
        var outDir = Option(args, "--out") ?? Path.Combine(Path.GetTempPath(), $"previz-bench-{Environment.ProcessId}");
        if (seconds <= 0 || fps <= 0 || repeat < 1)
        {
            throw new ArgumentException("--seconds and --fps must be positive and --repeat at least 1.");
        }

        return new(seconds, fps, resolution, passes, repeat, outDir, keep);
    }

    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
