using System.Diagnostics;

namespace Previz.Cli.Tests;

/// <summary>Ctrl+C on a real previz process: it stops ffmpeg, leaves no file and exits 130.</summary>
public class InterruptTests
{
    [Fact]
    public async Task Ctrl_c_during_a_render_exits_130_and_leaves_no_file()
    {
        var folder = Repository.TempFolder();
        var target = Path.Combine(folder, "long.mp4");
        var cli = Path.Combine(AppContext.BaseDirectory, "previz.dll");
        var info = new ProcessStartInfo("dotnet", [cli, "render", Repository.Sample("stadium.previz.json"), "--resolution", "2k", "--pass", "shaded", "--out", target])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();

        // Wait until frames are flowing to ffmpeg, then interrupt as a terminal would.
        string? line;
        var seen = new List<string>();
        while ((line = await process.StandardError.ReadLineAsync()) is not null && !line.Contains("frames/s", StringComparison.Ordinal))
        {
            seen.Add(line);
        }

        Assert.True(line is not null, "the render never reported progress: " + string.Join('\n', seen));
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var rest = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}: {await rest}");
        Assert.Empty(await stdout);
        Assert.Empty(Directory.GetFiles(folder));
    }
}
