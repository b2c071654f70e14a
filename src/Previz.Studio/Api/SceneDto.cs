using Previz.Studio.Persistence;

namespace Previz.Studio.Api;

/// <summary>An uploaded scene version.</summary>
public sealed record SceneDto(Guid Id, string Name, int Version, string FileName, string Format, string ContentHash, long Length, DateTime CreatedAt, IReadOnlyList<ShotDto>? Shots, IReadOnlyList<string>? Warnings)
{
    public static SceneDto From(SceneRecord s, IReadOnlyList<ShotDto>? shots = null, IReadOnlyList<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.Name, s.Version, s.OriginalFileName, s.Format, s.ContentHash, s.Length, s.CreatedAt, shots, warnings);
    }
}
