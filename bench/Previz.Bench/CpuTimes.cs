using System.Globalization;

namespace Previz.Bench;

/// <summary>
/// CPU time of this process and of its children that have ended and been waited for (ffmpeg), from /proc/self/stat
/// (utime, stime, cutime, cstime in clock ticks of 10 ms). Unlike wall-clock time it hardly moves when other work
/// loads the machine, so it explains the benchmark's ratio even on a busy box.
/// </summary>
internal readonly record struct CpuTimes(TimeSpan Self, TimeSpan Children)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public TimeSpan Total => Self + Children;

    public static CpuTimes operator -(CpuTimes a, CpuTimes b) => new(a.Self - b.Self, a.Children - b.Children);

    public static CpuTimes Now()
    {
        if (!OperatingSystem.IsLinux())
        {
            return new(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime, TimeSpan.Zero);
        }

        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
        double Field(int number) => double.Parse(fields[number - 3], CultureInfo.InvariantCulture) / TicksPerSecond;
        return new(TimeSpan.FromSeconds(Field(14) + Field(15)), TimeSpan.FromSeconds(Field(16) + Field(17)));
    }
}
