using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Previz.Rendering.Adherence;

/// <summary>
/// Measures one step of motion (from one analysed frame to the next) of the authored render and of a clip at the same
/// points: points are picked on the authored frame (on edges, where motion can be seen), told apart by Direct Render's
/// labels (0 the background, n the nth moving object) and followed into the next frame by pyramidal Lucas–Kanade in both
/// the render and the clip. A clip made of the shot keeps its layout, so the same place in both shows the same thing:
/// comparing the two motions point by point keeps parallax and a turning object's shape of motion that one fitted
/// transform would have to choose between, and whatever a point's measurement makes of an edge that slides along itself,
/// it makes the same of both.
/// </summary>
internal sealed class SharedPointMotion
{
    /// <summary>Points are taken on a grid of this step (pixels), where the authored frame shows an edge.</summary>
    private const int Spacing = 3;

    /// <summary>At most this many points a part: enough to cover it, few enough to follow quickly.</summary>
    private const int MaximumPoints = 500;

    /// <summary>A part with fewer followed points than this is not measured: a handful proves nothing.</summary>
    private const int MinimumPoints = 12;

    /// <summary>The squared gradient (Sobel) of an edge: a step of about five grey levels.</summary>
    private const float EdgeWeight = 400;

    /// <summary>An authored point that comes back further than this (pixels) from where it started was followed wrongly.</summary>
    private const float ForwardBackwardPixels = 0.5f;

    private static readonly Size Window = new(15, 15);
    private static readonly TermCriteria Criteria = new(CriteriaTypes.Count | CriteriaTypes.Eps, 20, 0.01);

    private readonly int _width;
    private readonly int _height;
    private readonly int _objects;
    private readonly int _margin;

    /// <param name="objects">How many moving objects the labels name (1 … objects); 0 for none.</param>
    public SharedPointMotion(int width, int height, int objects)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(objects);
        _width = width;
        _height = height;
        _objects = objects;
        // The background keeps clear of the objects by a margin: a restyled or slightly displaced clip draws its objects a
        // little off the reference's outline, and a point next to an object's edge moves with the object.
        _margin = Math.Max(3, Math.Max(width, height) / 32);
    }

    /// <summary>The points of an authored step, each part's, with their authored motion (pixels).</summary>
    public sealed record AuthoredStep(Point2f[][] Points, Point2f[][] Moved, bool CameraStill);

    /// <summary>
    /// Picks the points of each part on the authored frame <paramref name="from"/> and follows them into
    /// <paramref name="to"/>, keeping those that follow back to where they started. A part with too few is left empty
    /// (unmeasured). Where <paramref name="cameraStill"/> (the authored camera does not move in this step) the background's
    /// motion is known to be none.
    /// </summary>
    public AuthoredStep Authored(byte[] from, byte[] to, byte[]? labels, bool cameraStill)
    {
        using var fromMat = Grey(from);
        using var toMat = Grey(to);
        var candidates = Candidates(fromMat, labels);
        var points = new Point2f[_objects + 1][];
        var moved = new Point2f[_objects + 1][];
        for (var part = 0; part <= _objects; part++)
        {
            (points[part], moved[part]) = ([], []);
            if (candidates[part].Count < MinimumPoints)
            {
                continue;
            }

            var start = candidates[part].ToArray();
            var forward = Follow(fromMat, toMat, start, out var status);
            var back = Follow(toMat, fromMat, forward, out var backStatus);
            var kept = new List<int>(start.Length);
            for (var i = 0; i < start.Length; i++)
            {
                if (status[i] == 1 && backStatus[i] == 1 && Point2f.Distance(back[i], start[i]) < ForwardBackwardPixels)
                {
                    kept.Add(i);
                }
            }

            if (kept.Count >= MinimumPoints)
            {
                points[part] = [.. kept.Select(i => start[i])];
                moved[part] = part == 0 && cameraStill ? points[part] : [.. kept.Select(i => forward[i])];
            }
        }

        return new AuthoredStep(points, moved, cameraStill);
    }

    /// <summary>
    /// The clip's step from <paramref name="from"/> to <paramref name="to"/> at the authored step's points, compared
    /// with the authored motion part by part: null for a part the authored step does not measure.
    /// </summary>
    public (MotionPair? Camera, Dictionary<int, MotionPair> Objects) Compare(AuthoredStep authored, byte[] from, byte[] to, byte[]? labels)
    {
        ArgumentNullException.ThrowIfNull(authored);
        using var fromMat = Grey(from);
        using var toMat = Grey(to);
        MotionPair? camera = null;
        var objects = new Dictionary<int, MotionPair>();
        for (var part = 0; part <= _objects; part++)
        {
            var (points, moved) = (authored.Points[part], authored.Moved[part]);
            if (part == 0 && points.Length == 0 && authored.CameraStill)
            {
                // A locked-off camera on a bare backdrop: the render shows nothing to follow, but whatever the clip shows
                // there moves against a camera known to hold still.
                points = moved = [.. Candidates(fromMat, labels)[0]];
            }

            if (points.Length == 0)
            {
                continue;
            }

            var clip = Follow(fromMat, toMat, points, out var status);
            var pair = Pair(points, moved, clip, status, camera: part == 0);
            if (part == 0)
            {
                camera = pair;
            }
            else
            {
                objects[part - 1] = pair;
            }
        }

        return (camera, objects);
    }

    /// <summary>
    /// The authored and the clip's motion of the same points, each as one (<see cref="Whole"/>); a point the clip could
    /// not follow counts as not moving.
    /// </summary>
    private MotionPair Pair(Point2f[] points, Point2f[] authored, Point2f[] clip, byte[] status, bool camera)
    {
        var clipMoved = new Point2f[points.Length];
        for (var i = 0; i < points.Length; i++)
        {
            clipMoved[i] = status[i] == 1 ? clip[i] : points[i];
        }

        return MotionPair.Whole(Whole(points, authored, camera), Whole(points, clipMoved, camera));
    }

    /// <summary>
    /// The points' motion as one (frame widths): the least-squares similarity (shift, zoom, roll), about the frame's
    /// centre for the camera and about the points' own centre for an object (a turning object's faces grow and shrink
    /// about it). Least squares over all the points rather than a robust fit that would pick one depth layer of a scene
    /// with parallax: the render and the clip are measured at the same points, so the same mixture is measured in both.
    /// </summary>
    private ImageMotion Whole(Point2f[] points, Point2f[] moved, bool camera)
    {
        double cx = _width / 2.0, cy = _height / 2.0;
        double su = 0, sv = 0, sx = 0, sy = 0;
        var n = points.Length;
        for (var i = 0; i < n; i++)
        {
            su += moved[i].X - points[i].X;
            sv += moved[i].Y - points[i].Y;
            sx += points[i].X - cx;
            sy += points[i].Y - cy;
        }

        // u = dx + z·x − r·y, v = dy + r·x + z·y about the points' mean (x̄, ȳ): with centred coordinates the shift and the
        // turn separate, and zoom z = Σ(x·u + y·v) / Σ(x² + y²), roll r = Σ(x·v − y·u) / Σ(x² + y²).
        double mx = sx / n, my = sy / n, mu = su / n, mv = sv / n;
        double zoomSum = 0, rollSum = 0, spread = 0;
        for (var i = 0; i < n; i++)
        {
            double x = points[i].X - cx - mx, y = points[i].Y - cy - my;
            double u = moved[i].X - points[i].X - mu, v = moved[i].Y - points[i].Y - mv;
            zoomSum += (x * u) + (y * v);
            rollSum += (x * v) - (y * u);
            spread += (x * x) + (y * y);
        }

        var zoom = spread > 0 ? zoomSum / spread : 0;
        var roll = spread > 0 ? rollSum / spread : 0;
        if (!camera)
        {
            return new ImageMotion(mu / _width, mv / _width, Math.Log(1 + zoom), roll);
        }

        // The shift at the frame's centre: the mean shift less what the zoom and roll do at the points' mean.
        var dx = mu - (zoom * mx) + (roll * my);
        var dy = mv - (roll * mx) - (zoom * my);
        return new ImageMotion(dx / _width, dy / _width, Math.Log(1 + zoom), roll);
    }

    /// <summary>Edge points on a grid, by part; the background's kept clear of the objects by the margin.</summary>
    private List<Point2f>[] Candidates(Mat from, byte[]? labels)
    {
        using var gx = new Mat();
        using var gy = new Mat();
        Cv2.Sobel(from, gx, MatType.CV_32F, 1, 0);
        Cv2.Sobel(from, gy, MatType.CV_32F, 0, 1);
        var pixels = _width * _height;
        var across = new float[pixels];
        var down = new float[pixels];
        Marshal.Copy(gx.Data, across, 0, pixels);
        Marshal.Copy(gy.Data, down, 0, pixels);
        var near = labels is null ? null : NearObjects(labels);
        var candidates = new List<Point2f>[_objects + 1];
        for (var part = 0; part <= _objects; part++)
        {
            candidates[part] = [];
        }

        for (var y = Spacing / 2; y < _height; y += Spacing)
        {
            for (var x = Spacing / 2; x < _width; x += Spacing)
            {
                var i = (y * _width) + x;
                int part = labels?[i] ?? 0;
                if (part > _objects || (part == 0 && near is not null && near[i] != 0)
                    || (across[i] * across[i]) + (down[i] * down[i]) < EdgeWeight)
                {
                    continue;
                }

                candidates[part].Add(new Point2f(x, y));
            }
        }

        for (var part = 0; part <= _objects; part++)
        {
            candidates[part] = Thin(candidates[part]);
        }

        return candidates;
    }

    /// <summary>Every k-th point, so that at most <see cref="MaximumPoints"/> remain spread over the whole part.</summary>
    private static List<Point2f> Thin(List<Point2f> points)
    {
        if (points.Count <= MaximumPoints)
        {
            return points;
        }

        var step = (double)points.Count / MaximumPoints;
        return [.. Enumerable.Range(0, MaximumPoints).Select(k => points[(int)(k * step)])];
    }

    /// <summary>Pixels within the margin of a moving object (non-zero), where the background is not measured.</summary>
    private byte[] NearObjects(byte[] labels)
    {
        using var objects = new Mat(_height, _width, MatType.CV_8UC1);
        Marshal.Copy(labels, 0, objects.Data, labels.Length);
        Cv2.Threshold(objects, objects, 0, 255, ThresholdTypes.Binary);
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size((2 * _margin) + 1, (2 * _margin) + 1));
        Cv2.Dilate(objects, objects, kernel);
        var near = new byte[labels.Length];
        Marshal.Copy(objects.Data, near, 0, near.Length);
        return near;
    }

    private static Point2f[] Follow(Mat from, Mat to, Point2f[] points, out byte[] status)
    {
        var moved = Array.Empty<Point2f>();
        Cv2.CalcOpticalFlowPyrLK(from, to, points, ref moved, out status, out _, Window, 3, Criteria, OpticalFlowFlags.None, 1e-4);
        return moved;
    }

    private Mat Grey(byte[] frame)
    {
        if (frame.Length != _width * _height)
        {
            throw new ArgumentException($"A frame must be {_width * _height} bytes, not {frame.Length}.", nameof(frame));
        }

        var mat = new Mat(_height, _width, MatType.CV_8UC1);
        Marshal.Copy(frame, 0, mat.Data, frame.Length);
        return mat;
    }
}
