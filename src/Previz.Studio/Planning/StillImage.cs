namespace Previz.Studio.Planning;

/// <summary>A rendered PNG still, kept in the still cache under the data folder.</summary>
public sealed record StillImage(string Path, int Width, int Height);
