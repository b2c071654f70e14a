using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Previz.Rendering.Adherence;

/// <summary>
/// Measures one step of motion (from one analysed frame to the next) of the authored render and of a clip at the same
/// points: points are picked on the authored frame (on edges, where motion can be seen), told apart by Direct Render's
/// labels (0 the background, n the nth moving object) and followed into the next frame by pyramidal Lucas–Kanade in both
/// the render and the clip (<see cref="Picture"/> says on which picture). A clip made of the shot keeps its layout, so
/// the same place in both shows the same thing: comparing the two motions at the same points keeps parallax and a
/// turning object's shape of motion that a fit of each picture's own points would have to choose between, and whatever
/// a point's measurement makes of an edge that slides along itself, it makes the same of both.
/// </summary>
internal sealed class SharedPointMotion
{
    /// <summary>Points are taken on a grid of this step (pixels), where the authored frame shows an edge.</summary>
    private const int Spacing = 3;

    /// <summary>At most this many points a part: enough to cover it, few enough to follow quickly.</summary>
    private const int MaximumPoints = 300;

    /// <summary>A part with fewer followed points than this is not measured: a handful proves nothing.</summary>
    private const int MinimumPoints = 12;

    /// <summary>The squared gradient (Sobel) of an edge: a step of about five grey levels.</summary>
    private const float EdgeWeight = 400;

    /// <summary>
    /// Against a locked-off camera on a bare backdrop the clip's own points are followed, and fewer than this are not
    /// enough to say it moves: a few specks of a restyle's grain can be followed too.
    /// </summary>
    private const int StillBackdropPoints = 48;

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

    /// <summary>
    /// The points of an authored step, each part's, with their authored motion (pixels) and the unit normal of the edge
    /// each lies on (the gradient's direction).
    /// </summary>
    public sealed record AuthoredStep(Point2f[][] Points, Point2f[][] Moved, Point2f[][] Normals, bool CameraStill);

    /// <summary>
    /// Picks the points of each part on the authored frame <paramref name="from"/> and follows them into
    /// <paramref name="to"/>, keeping those that follow back to where they started. A part with too few is left empty
    /// (unmeasured). Where <paramref name="cameraStill"/> (the authored camera does not move in this step) the background's
    /// motion is known to be none.
    /// </summary>
    public AuthoredStep Authored(AnalysedFrame from, AnalysedFrame to, byte[]? labels, bool cameraStill)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var candidates = Candidates(from.Grey, labels);
        var points = new Point2f[_objects + 1][];
        var moved = new Point2f[_objects + 1][];
        var normals = new Point2f[_objects + 1][];
        for (var part = 0; part <= _objects; part++)
        {
            (points[part], moved[part], normals[part]) = ([], [], []);
            if (candidates[part].Points.Count < MinimumPoints)
            {
                continue;
            }

            var start = candidates[part].Points.ToArray();
            var (kept, forward) = Consistent(Picture(from, part), Picture(to, part), start);
            if (kept.Count >= MinimumPoints)
            {
                points[part] = [.. kept.Select(i => start[i])];
                moved[part] = part == 0 && cameraStill ? points[part] : [.. kept.Select(i => forward[i])];
                normals[part] = [.. kept.Select(i => candidates[part].Normals[i])];
            }
        }

        return new AuthoredStep(points, moved, normals, cameraStill);
    }

    /// <summary>
    /// The clip's step from <paramref name="from"/> to <paramref name="to"/> at the authored step's points, compared
    /// with the authored motion part by part: null for a part the authored step does not measure.
    /// </summary>
    public (MotionPair? Camera, Dictionary<int, MotionPair> Objects) Compare(AuthoredStep authored, AnalysedFrame from, AnalysedFrame to, byte[]? labels)
    {
        ArgumentNullException.ThrowIfNull(authored);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        MotionPair? camera = null;
        var objects = new Dictionary<int, MotionPair>();
        for (var part = 0; part <= _objects; part++)
        {
            var (points, moved, normals) = (authored.Points[part], authored.Moved[part], authored.Normals[part]);
            if (part == 0 && points.Length == 0 && authored.CameraStill)
            {
                // A locked-off camera on a bare backdrop: the render shows nothing to follow, but whatever the clip shows
                // there moves against a camera known to hold still. Only the clip's points that follow back to where they
                // started count: a restyle's noise or grain cannot be followed.
                var own = Candidates(from.Grey, labels)[0];
                var start = own.Points.ToArray();
                var (kept, _) = Consistent(Picture(from, part), Picture(to, part), start);
                (points, normals) = ([.. kept.Select(i => start[i])], [.. kept.Select(i => own.Normals[i])]);
                if (points.Length < StillBackdropPoints)
                {
                    // Too little to say the camera moves: a few specks of a restyle's grain can be followed too. Still,
                    // as authored.
                    camera = new MotionPair(ImageMotion.None, ImageMotion.None);
                    continue;
                }

                moved = points;
            }

            if (points.Length == 0)
            {
                continue;
            }

            var clip = Follow(Picture(from, part), Picture(to, part), points, out var status);
            var pair = Pair(points, normals, moved, clip, status, camera: part == 0);
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
    /// What a part's points are followed on: the background's on the picture of edge strength
    /// (<see cref="AnalysedFrame.Edges"/>), which a grade or a restyle that changes the shades on either side of an edge
    /// leaves alone; an object's on the picture of local contrast (<see cref="AnalysedFrame.Contrast"/>): its shading tells
    /// a turning or running object's motion better than its outline does, and a grade that darkens or flattens that
    /// shading does not hide it there.
    /// </summary>
    private static Mat Picture(AnalysedFrame frame, int part) => part == 0 ? frame.Edges : frame.Contrast;

    /// <summary>
    /// The authored and the clip's motion of the same points, each as one (<see cref="Whole"/>), over the points the clip
    /// could follow; when it could follow too few of them, the clip's part counts as not moving.
    /// </summary>
    private MotionPair Pair(Point2f[] points, Point2f[] normals, Point2f[] authored, Point2f[] clip, byte[] status, bool camera)
    {
        var followed = Enumerable.Range(0, points.Length).Where(i => status[i] == 1).ToArray();
        if (followed.Length < Math.Max(MinimumPoints, points.Length / 4))
        {
            var whole = Whole(points, normals, authored, camera);
            return new MotionPair(whole, ImageMotion.None);
        }

        Point2f[] Pick(Point2f[] all) => [.. followed.Select(i => all[i])];
        var (at, across) = (Pick(points), Pick(normals));
        return new MotionPair(Whole(at, across, Pick(authored), camera), Whole(at, across, Pick(clip), camera));
    }

    /// <summary>
    /// The points' motion as one (frame widths): the similarity (shift, zoom, roll) that best explains each point's
    /// motion across its edge (least squares on the normal flow), about the frame's centre for the camera and about the
    /// points' own centre for an object (a turning object's faces grow and shrink about it). Across the edge only: a point
    /// on a straight edge may slide along it, differently in the render and in the clip. Least squares over all the
    /// points rather than a robust fit that would pick one depth layer of a scene with parallax: the render and the clip
    /// are measured at the same points, so the same mixture is measured in both.
    /// </summary>
    private ImageMotion Whole(Point2f[] points, Point2f[] normals, Point2f[] moved, bool camera)
    {
        double cx = _width / 2.0, cy = _height / 2.0;
        if (!camera)
        {
            (cx, cy) = (points.Average(p => (double)p.X), points.Average(p => (double)p.Y));
        }

        // Unknowns [dx, dy, z, r]: the motion at (x, y) from the centre is (dx + z·x − r·y, dy + r·x + z·y); each point
        // says n · motion = n · (moved − point) for its edge's normal n. x and y in units of the half width keep the
        // unknowns alike in size.
        var unit = _width / 2.0;
        var normal = new double[4, 4];
        var right = new double[4];
        Span<double> row = stackalloc double[4];
        for (var i = 0; i < points.Length; i++)
        {
            double nx = normals[i].X, ny = normals[i].Y;
            double x = (points[i].X - cx) / unit, y = (points[i].Y - cy) / unit;
            row[0] = nx;
            row[1] = ny;
            row[2] = (nx * x) + (ny * y);
            row[3] = (ny * x) - (nx * y);
            var value = (nx * (moved[i].X - points[i].X)) + (ny * (moved[i].Y - points[i].Y));
            for (var a = 0; a < 4; a++)
            {
                right[a] += row[a] * value;
                for (var b = 0; b < 4; b++)
                {
                    normal[a, b] += row[a] * row[b];
                }
            }
        }

        var (dx, dy, zoom, roll) = Solve(normal, right);
        // An object's zoom and roll move its points by its own size, not the frame's: they are given at the object's reach
        // (the points' root-mean-square distance from their centre) so that a small object's turn weighs what it shows.
        var turn = camera ? 1 : Math.Sqrt(points.Average(p => ((p.X - cx) * (p.X - cx)) + ((p.Y - cy) * (p.Y - cy)))) / _width / ImageMotion.TypicalReach;
        return new ImageMotion(dx / _width, dy / _width, turn * Math.Log(Math.Max(1e-3, 1 + (zoom / unit))), turn * roll / unit);
    }

    /// <summary>
    /// The 4 × 4 normal equations solved by Gaussian elimination, a touch of ridge keeping a direction the points do not
    /// show (every edge vertical, say) at none rather than at noise.
    /// </summary>
    private static (double, double, double, double) Solve(double[,] normal, double[] right)
    {
        var a = new double[4, 5];
        var trace = normal[0, 0] + normal[1, 1] + normal[2, 2] + normal[3, 3];
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                a[i, j] = normal[i, j] + (i == j ? 1e-4 * trace : 0);
            }

            a[i, 4] = right[i];
        }

        if (trace <= 0)
        {
            return default;
        }

        for (var col = 0; col < 4; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < 4; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            for (var j = 0; j < 5; j++)
            {
                (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            }

            for (var r = 0; r < 4; r++)
            {
                if (r != col)
                {
                    var factor = a[r, col] / a[col, col];
                    for (var j = col; j < 5; j++)
                    {
                        a[r, j] -= factor * a[col, j];
                    }
                }
            }
        }

        return (a[0, 4] / a[0, 0], a[1, 4] / a[1, 1], a[2, 4] / a[2, 2], a[3, 4] / a[3, 3]);
    }

    /// <summary>Edge points on a grid with their edges' unit normals, by part; the background's kept clear of the objects by the margin.</summary>
    private (List<Point2f> Points, List<Point2f> Normals)[] Candidates(Mat from, byte[]? labels)
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
        var candidates = new (List<Point2f> Points, List<Point2f> Normals)[_objects + 1];
        for (var part = 0; part <= _objects; part++)
        {
            candidates[part] = ([], []);
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

                var length = MathF.Sqrt((across[i] * across[i]) + (down[i] * down[i]));
                candidates[part].Points.Add(new Point2f(x, y));
                candidates[part].Normals.Add(new Point2f(across[i] / length, down[i] / length));
            }
        }

        for (var part = 0; part <= _objects; part++)
        {
            candidates[part] = (Thin(candidates[part].Points), Thin(candidates[part].Normals));
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

    /// <summary>
    /// The indices of the points that, followed from <paramref name="from"/> into <paramref name="to"/> and back, land
    /// within <see cref="ForwardBackwardPixels"/> of where they started, and where all of them went.
    /// </summary>
    private static (List<int> Kept, Point2f[] Forward) Consistent(Mat from, Mat to, Point2f[] start)
    {
        var kept = new List<int>(start.Length);
        var forward = Follow(from, to, start, out var status);
        var back = Follow(to, from, forward, out var backStatus);
        for (var i = 0; i < start.Length; i++)
        {
            if (status[i] == 1 && backStatus[i] == 1 && Point2f.Distance(back[i], start[i]) < ForwardBackwardPixels)
            {
                kept.Add(i);
            }
        }

        return (kept, forward);
    }

    private static Point2f[] Follow(Mat from, Mat to, Point2f[] points, out byte[] status)
    {
        if (points.Length == 0)
        {
            status = [];
            return [];
        }

        var moved = Array.Empty<Point2f>();
        Cv2.CalcOpticalFlowPyrLK(from, to, points, ref moved, out status, out _, Window, 3, Criteria, OpticalFlowFlags.None, 1e-4);
        return moved;
    }
}
