namespace Previz.Core.Catalog;

/// <summary>A picture pinned at a time from the start of the clip (seconds).</summary>
public sealed record TimedFrame(string Image, double Seconds);
