using System.Globalization;

namespace Previz.JobsBench;

/// <summary>CPU figures of a process from /proc/PID/stat, in clock ticks (100 per second on Linux).</summary>
internal static class ProcStat
{
    /// <summary>User plus system CPU of the process itself: fields 14 and 15 (utime, stime).</summary>
    public static double CpuSeconds(int pid) => TicksSeconds(pid, 11);

    /// <summary>CPU of the process's finished children (ffprobe, ffmpeg): fields 16 and 17 (cutime, cstime).</summary>
    public static double ChildrenCpuSeconds(int pid) => TicksSeconds(pid, 13);

    /// <summary>The sum of two fields that follow each other, counted from the one after the command name.</summary>
    private static double TicksSeconds(int pid, int first)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[first], CultureInfo.InvariantCulture) + long.Parse(fields[first + 1], CultureInfo.InvariantCulture)) / 100.0;
    }
}
