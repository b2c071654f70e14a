namespace Previz.Studio.Sequences;

/// <summary>A sound cue as uploaded: the file's name as sent, what to call the cue, when it starts and its gain.</summary>
public sealed record SoundCueUpload(string? FileName, string? Name, double Start, double GainDb);
