namespace Previz.Core.Animation;

/// <summary>Keys that switch a camera's aim target (an object id, or none); each key holds until the next.</summary>
public sealed class AimTrack(IReadOnlyList<(double Time, string? TargetId)> keys)
{
    public IReadOnlyList<(double Time, string? TargetId)> Keys { get; } = keys;

    public bool IsEmpty => Keys.Count == 0;

    public string? Sample(double time, string? fallback)
    {
        if (IsEmpty || time < Keys[0].Time)
        {
            return IsEmpty ? fallback : Keys[0].TargetId;
        }

        var current = Keys[0].TargetId;
        foreach (var (t, target) in Keys)
        {
            if (t > time)
            {
                break;
            }

            current = target;
        }

        return current;
    }
}
