namespace Previz.Providers.Generation;

/// <summary>The guide video a request sends, as recorded in the plan and the provenance.</summary>
/// <param name="Pass">depth, shaded or wireframe.</param>
/// <param name="Source">What it shows, in words ("depth pass of shot main").</param>
/// <param name="FileName">The name it is sent under.</param>
/// <param name="Field">JSON Pointer of the body field it fills.</param>
/// <param name="Frames">Frame count.</param>
/// <param name="Fps">Frames per second.</param>
public sealed record PlannedGuide(string Pass, string Source, string FileName, string Field, int Width, int Height, int Fps, int Frames, int Bytes);
