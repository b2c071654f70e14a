using System.Globalization;

namespace Previz.MediaBench;

/// <summary>
/// CPU time of this process and of its children that ended and were waited for (ffprobe, ffmpeg), from
/// /proc/self/stat (utime, stime, cutime, cstime in clock ticks of 10 ms).
/// </summary>
internal readonly record struct CpuTimes(TimeSpan Self, TimeSpan Children)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public TimeSpan Total => Self + Children;

    public static CpuTimes operator -(CpuTimes a, CpuTimes b) => new(a.Self - b.Self, a.Children - b.Children);

    public static CpuTimes Now()
    {
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        double Field(int number) => double.Parse(fields[number - 3], CultureInfo.InvariantCulture) / TicksPerSecond;
        return new(TimeSpan.FromSeconds(Field(14) + Field(15)), TimeSpan.FromSeconds(Field(16) + Field(17)));
    }
}
