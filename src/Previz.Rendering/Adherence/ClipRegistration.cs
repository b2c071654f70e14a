using System.Globalization;
using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Previz.Rendering.Adherence;

/// <summary>
/// Lines a clip's frames up with the shot's render when the clip frames the shot a little differently (a model's mild
/// zoom or shift): one affine warp for the whole clip, found by enhanced correlation (OpenCV's ECC, which a grade or a
/// restyle's change of brightness does not fool) between render and clip at a few moments. Motion is then measured at
/// the render's points in the lined-up clip. One warp held for the whole clip cannot make a still clip move or turn a
/// move around, so it can only help a clip that follows the shot.
/// </summary>
internal static class ClipRegistration
{
    /// <summary>A lined-up clip that correlates with the render less than this (−1 … 1) is no match: it is left as it is.</summary>
    private const double MinimumCorrelation = 0.6;

    /// <summary>A clip that correlates with the render this well as it is needs no lining up (its own render, say).</summary>
    private const double AlreadyLinedUp = 0.97;

    /// <summary>A warp that scales by more than this factor (either way) or shifts by more than this share of the width is not a mild reframing.</summary>
    private const double MaximumScale = 1.3;

    private const double MaximumShift = 0.2;

    /// <summary>A warp closer to none than this (in scale, and in pixels of shift) is left out: resampling would only blur.</summary>
    private const double NegligibleScale = 0.01;

    private const double NegligibleShiftPixels = 0.75;

    /// <summary>
    /// The clip's frames lined up with the render's, and how the clip frames the shot in words ("framed 10 % tighter"),
    /// or the frames as they are and null when they already line up or no mild reframing explains them.
    /// </summary>
    public static (List<byte[]> Frames, string? Framing) Align(IReadOnlyList<byte[]> rendered, List<byte[]> clip, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        ArgumentNullException.ThrowIfNull(clip);
        var count = Math.Min(rendered.Count, clip.Count);
        if (count < 2)
        {
            return (clip, null);
        }

        // Each moment's warp is a candidate, and so is none: the one that lines the clip up best over all the moments wins,
        // so that a warp ECC found at one moment by matching the wrong structure loses to none.
        int[] moments = [count / 4, count / 2, 3 * count / 4];
        double[] none = [1, 0, 0, 0, 1, 0];
        var best = none;
        var bestAgreement = Agreement(none, moments, rendered, clip, width, height);
        if (bestAgreement >= AlreadyLinedUp)
        {
            return (clip, null);
        }

        foreach (var k in moments)
        {
            if (Estimate(rendered[k], clip[k], width, height) is { } warp)
            {
                var agreement = Agreement(warp, moments, rendered, clip, width, height);
                if (agreement > bestAgreement + 0.01)
                {
                    (best, bestAgreement) = (warp, agreement);
                }
            }
        }

        if (best == none || bestAgreement < MinimumCorrelation)
        {
            return (clip, null);
        }

        // [a b tx; c d ty] maps the render's pixel to the clip's: its scale is how much larger the clip shows the shot.
        var scale = Math.Sqrt(Math.Abs((best[0] * best[4]) - (best[1] * best[3])));
        double centreX = (width - 1) / 2.0, centreY = (height - 1) / 2.0;
        var shiftX = (best[0] * centreX) + (best[1] * centreY) + best[2] - centreX;
        var shiftY = (best[3] * centreX) + (best[4] * centreY) + best[5] - centreY;
        var shift = Math.Sqrt((shiftX * shiftX) + (shiftY * shiftY));
        if (scale > MaximumScale || scale < 1 / MaximumScale || shift > MaximumShift * width
            || (Math.Abs(scale - 1) < NegligibleScale && shift < NegligibleShiftPixels))
        {
            return (clip, null);
        }

        using var warpMat = WarpMat(best);
        var aligned = new List<byte[]>(clip.Count);
        using var source = new Mat(height, width, MatType.CV_8UC1);
        using var target = new Mat();
        foreach (var frame in clip)
        {
            Marshal.Copy(frame, 0, source.Data, frame.Length);
            Cv2.WarpAffine(source, target, warpMat, new Size(width, height), InterpolationFlags.Linear | InterpolationFlags.WarpInverseMap, BorderTypes.Replicate);
            var bytes = new byte[frame.Length];
            Marshal.Copy(target.Data, bytes, 0, bytes.Length);
            aligned.Add(bytes);
        }

        return (aligned, Words(scale, shiftX / width, shiftY / width));
    }

    /// <summary>
    /// The affine warp from render to clip at one moment (pixels of the render to pixels of the clip), found coarse to
    /// fine: at half size first, so that a tenth's zoom is within ECC's reach; null when ECC does not converge.
    /// </summary>
    private static double[]? Estimate(byte[] render, byte[] clip, int width, int height)
    {
        using var template = Picture(render, width, height);
        using var input = Picture(clip, width, height);
        using var smallTemplate = new Mat();
        using var smallInput = new Mat();
        Cv2.PyrDown(template, smallTemplate);
        Cv2.PyrDown(input, smallInput);
        using var warp = Mat.Eye(2, 3, MatType.CV_32FC1).ToMat();
        var criteria = new TermCriteria(CriteriaTypes.Count | CriteriaTypes.Eps, 60, 1e-5);
        try
        {
            Cv2.FindTransformECC(smallTemplate, smallInput, warp, MotionTypes.Affine, criteria, null!, 5);
            // The half-size warp at full size: the same linear part, twice the shift.
            warp.Set(0, 2, warp.At<float>(0, 2) * 2);
            warp.Set(1, 2, warp.At<float>(1, 2) * 2);
            Cv2.FindTransformECC(template, input, warp, MotionTypes.Affine, criteria, null!, 5);
            var values = new float[6];
            Marshal.Copy(warp.Data, values, 0, 6);
            return [.. values.Select(v => (double)v)];
        }
        catch (OpenCVException)
        {
            // ECC did not converge: the two pictures are not one framing apart.
            return null;
        }
    }

    /// <summary>The mean correlation (zero-mean, normalised) of the render and the clip warped by <paramref name="warp"/> at the moments.</summary>
    private static double Agreement(double[] warp, int[] moments, IReadOnlyList<byte[]> rendered, List<byte[]> clip, int width, int height)
    {
        using var warpMat = WarpMat(warp);
        using var aligned = new Mat();
        using var result = new Mat();
        var sum = 0.0;
        foreach (var k in moments)
        {
            using var render = Picture(rendered[k], width, height);
            using var frame = Picture(clip[k], width, height);
            Cv2.WarpAffine(frame, aligned, warpMat, new Size(width, height), InterpolationFlags.Linear | InterpolationFlags.WarpInverseMap, BorderTypes.Replicate);
            Cv2.MatchTemplate(aligned, render, result, TemplateMatchModes.CCoeffNormed);
            sum += result.At<float>(0, 0);
        }

        return sum / moments.Length;
    }

    private static Mat WarpMat(double[] warp)
    {
        var mat = new Mat(2, 3, MatType.CV_64FC1);
        Marshal.Copy(warp, 0, mat.Data, warp.Length);
        return mat;
    }

    private static Mat Picture(byte[] frame, int width, int height)
    {
        var mat = new Mat(height, width, MatType.CV_8UC1);
        Marshal.Copy(frame, 0, mat.Data, frame.Length);
        return mat;
    }

    private static string Words(double scale, double shiftX, double shiftY)
    {
        var parts = new List<string>();
        if (Math.Abs(scale - 1) >= 0.03)
        {
            // The clip showing the shot larger is a tighter framing.
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Math.Abs(scale - 1) * 100:0} % {(scale > 1 ? "tighter" : "wider")}"));
        }

        if (Math.Sqrt((shiftX * shiftX) + (shiftY * shiftY)) >= 0.02)
        {
            parts.Add(Math.Abs(shiftX) >= Math.Abs(shiftY)
                ? string.Create(CultureInfo.InvariantCulture, $"with the picture {Math.Abs(shiftX) * 100:0} % of the width to the {(shiftX > 0 ? "right" : "left")}")
                : string.Create(CultureInfo.InvariantCulture, $"with the picture {Math.Abs(shiftY) * 100:0} % of the width {(shiftY > 0 ? "lower" : "higher")}"));
        }

        return parts.Count == 0 ? "framed a little differently (lined up before measuring)" : $"framed {string.Join(" and ", parts)} (lined up before measuring)";
    }
}
