using Previz.Studio.Persistence;

namespace Previz.Studio.Api;

/// <summary>A sound cue of a sequence.</summary>
/// <param name="Id">The cue.</param>
/// <param name="Name">What it is called.</param>
/// <param name="Start">Seconds from the start of the cut.</param>
/// <param name="Duration">The audio file's length in seconds.</param>
/// <param name="GainDb">Gain in decibels.</param>
/// <param name="ContentType">The audio file's type (<c>audio/wav</c>, <c>audio/mpeg</c>, …).</param>
public sealed record SoundCueDto(Guid Id, string Name, double Start, double Duration, double GainDb, string ContentType)
{
    public static SoundCueDto From(SoundCueRecord cue)
    {
        ArgumentNullException.ThrowIfNull(cue);
        return new SoundCueDto(cue.Id, cue.Name, cue.StartSeconds, cue.DurationSeconds, cue.GainDb, cue.ContentType);
    }
}
