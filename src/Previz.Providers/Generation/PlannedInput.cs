namespace Previz.Providers.Generation;

/// <summary>One picture the request sends: why, from where, its final size and how it was fitted.</summary>
/// <param name="Role">start-frame, end-frame, keyframe or reference.</param>
/// <param name="Source">Where it came from, in words.</param>
/// <param name="FileName">The name it is sent under.</param>
/// <param name="Field">JSON Pointer of the body field it fills.</param>
/// <param name="FrameIndex">For keyframes: the frame position in the clip.</param>
public sealed record PlannedInput(string Role, string Source, string FileName, string Field, int Width, int Height, string ContentType, int Bytes, string Fitting, int? FrameIndex = null);
