using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;

namespace Previz.Providers.Generation;

/// <summary>What Direct Render makes of a planned shot: a still (Image mode) or a clip of the output length.</summary>
/// <param name="Pass">Wireframe, shaded or depth.</param>
/// <param name="Resolution">1k or 2k.</param>
/// <param name="OutputSeconds">Seconds of clip (the shot's length); unused for a still.</param>
/// <param name="Still">A PNG of the shot instead of a clip.</param>
/// <param name="StillSeconds">For a still: seconds from the shot's start (a <c>capture:SECONDS</c> start frame); 0 = its first frame.</param>
public sealed record DirectRenderSettings(RenderPass Pass, ResolutionPreset Resolution, double OutputSeconds, bool Still, double StillSeconds = 0);
