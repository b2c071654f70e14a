namespace Previz.Studio.Api;

/// <summary>The outcome of validating a scene without storing it.</summary>
public sealed record ValidationResultDto(bool Valid, string? Name, IReadOnlyList<ShotDto> Shots, IReadOnlyList<string> Warnings);
