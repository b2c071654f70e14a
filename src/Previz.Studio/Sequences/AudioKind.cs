namespace Previz.Studio.Sequences;

/// <summary>How a stored sound cue is named and served: its file extension and content type.</summary>
public sealed record AudioKind(string Extension, string ContentType);
