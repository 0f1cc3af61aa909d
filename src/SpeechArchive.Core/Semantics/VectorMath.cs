using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SpeechArchive.Semantics;

/// <summary>The few dense-vector operations the semantics layer shares: dot product, a·x + y, unit length, 8-bit quantising.</summary>
public static class VectorMath
{
    /// <summary>Σ a[i]·b[i], summed in SIMD lanes where the machine has them.</summary>
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var i = 0;
        var sum = 0.0;
        if (Vector.IsHardwareAccelerated)
        {
            var acc = Vector<float>.Zero;
            for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                acc += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
            }

            sum = Vector.Sum(acc);
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>target += scale × source.</summary>
    public static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float scale)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var s = new Vector<float>(scale);
            for (; i <= target.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (new Vector<float>(target[i..]) + (s * new Vector<float>(source[i..]))).CopyTo(target[i..]);
            }
        }

        for (; i < target.Length; i++)
        {
            target[i] += scale * source[i];
        }
    }

    /// <summary>target += scale × source, in double: each element as <c>target[i] + (scale × (double)source[i])</c> would give it.</summary>
    internal static void AddScaledWide(Span<double> target, ReadOnlySpan<float> source, double scale)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var s = new Vector<double>(scale);
            for (; i <= target.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector.Widen(new Vector<float>(source[i..]), out var low, out var high);
                (new Vector<double>(target[i..]) + (s * low)).CopyTo(target[i..]);
                (new Vector<double>(target[(i + Vector<double>.Count)..]) + (s * high)).CopyTo(target[(i + Vector<double>.Count)..]);
            }
        }

        for (; i < target.Length; i++)
        {
            target[i] += scale * source[i];
        }
    }

    /// <summary>
    /// <paramref name="into"/> = Σₖ <paramref name="scales"/>[k] × row <paramref name="rows"/>[k] of <paramref name="matrix"/>
    /// (row-major, rows <paramref name="width"/> apart), from its column <paramref name="offset"/> on, as many columns as
    /// <paramref name="into"/> is long. Each stretch of four SIMD vectors of the
    /// sum is kept in registers over all the rows and stored once, instead of read and written back for every row; each lane
    /// adds the same terms in the same order as <see cref="AddScaled"/> row after row would, so the sum is the same to the bit.
    /// </summary>
    internal static void SumOfScaledRows(float[] matrix, int width, ReadOnlySpan<int> rows, ReadOnlySpan<float> scales, Span<float> into, int offset = 0)
    {
        ref var source = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(matrix), offset);
        var columns = into.Length;
        ref var target = ref MemoryMarshal.GetReference(into);
        var lanes = Vector<float>.Count;
        var lane = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            // The same sums in lanes twice as wide, where the machine has them: each lane still adds its terms one after
            // another, multiplied then added (never fused), so the bits are the same.
            for (; lane + 64 <= columns; lane += 64)
            {
                Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
                for (var k = 0; k < rows.Length; k++)
                {
                    var scale = Vector512.Create(scales[k]);
                    ref var at = ref Unsafe.Add(ref source, (rows[k] * width) + lane);
                    a0 += scale * Vector512.LoadUnsafe(ref at);
                    a1 += scale * Vector512.LoadUnsafe(ref at, 16);
                    a2 += scale * Vector512.LoadUnsafe(ref at, 32);
                    a3 += scale * Vector512.LoadUnsafe(ref at, 48);
                }

                a0.StoreUnsafe(ref target, (nuint)lane);
                a1.StoreUnsafe(ref target, (nuint)(lane + 16));
                a2.StoreUnsafe(ref target, (nuint)(lane + 32));
                a3.StoreUnsafe(ref target, (nuint)(lane + 48));
            }
        }

        for (; lane + (4 * lanes) <= columns; lane += 4 * lanes)
        {
            Vector<float> a0 = default, a1 = default, a2 = default, a3 = default;
            for (var k = 0; k < rows.Length; k++)
            {
                var scale = new Vector<float>(scales[k]);
                ref var at = ref Unsafe.Add(ref source, (rows[k] * width) + lane);
                a0 += scale * Vector.LoadUnsafe(ref at);
                a1 += scale * Vector.LoadUnsafe(ref at, (nuint)lanes);
                a2 += scale * Vector.LoadUnsafe(ref at, (nuint)(2 * lanes));
                a3 += scale * Vector.LoadUnsafe(ref at, (nuint)(3 * lanes));
            }

            a0.StoreUnsafe(ref target, (nuint)lane);
            a1.StoreUnsafe(ref target, (nuint)(lane + lanes));
            a2.StoreUnsafe(ref target, (nuint)(lane + (2 * lanes)));
            a3.StoreUnsafe(ref target, (nuint)(lane + (3 * lanes)));
        }

        for (; lane + lanes <= columns; lane += lanes)
        {
            var sum = Vector<float>.Zero;
            for (var k = 0; k < rows.Length; k++)
            {
                sum += new Vector<float>(scales[k]) * Vector.LoadUnsafe(ref Unsafe.Add(ref source, (rows[k] * width) + lane));
            }

            sum.StoreUnsafe(ref target, (nuint)lane);
        }

        for (; lane < columns; lane++)
        {
            var sum = 0f;
            for (var k = 0; k < rows.Length; k++)
            {
                sum += scales[k] * Unsafe.Add(ref source, (rows[k] * width) + lane);
            }

            Unsafe.Add(ref target, lane) = sum;
        }
    }

    /// <summary><paramref name="target"/> = <paramref name="scale"/> × <paramref name="product"/> + <paramref name="shift"/> × <paramref name="source"/> − <paramref name="target"/>, element by element.</summary>
    internal static void Combine(Span<float> target, ReadOnlySpan<float> product, float scale, ReadOnlySpan<float> source, float shift)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var (a, b) = (new Vector<float>(scale), new Vector<float>(shift));
            for (; i <= target.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                ((a * new Vector<float>(product[i..])) + (b * new Vector<float>(source[i..])) - new Vector<float>(target[i..])).CopyTo(target[i..]);
            }
        }

        for (; i < target.Length; i++)
        {
            target[i] = (scale * product[i]) + (shift * source[i]) - target[i];
        }
    }

    /// <summary>Scales <paramref name="vector"/> to unit length; false when it is zero.</summary>
    public static bool Normalize(Span<float> vector)
    {
        var norm = Math.Sqrt(Dot(vector, vector));
        if (norm < 1e-12)
        {
            return false;
        }

        var scale = (float)(1 / norm);
        foreach (ref var x in vector)
        {
            x *= scale;
        }

        return true;
    }

    /// <summary>Writes <paramref name="vector"/> as signed bytes scaled to its largest component (±127); returns the scale.</summary>
    public static float Quantise(ReadOnlySpan<float> vector, Span<sbyte> into)
    {
        var max = 0f;
        foreach (var x in vector)
        {
            max = Math.Max(max, Math.Abs(x));
        }

        var scale = max > 0 ? max / 127f : 1f;
        for (var k = 0; k < vector.Length; k++)
        {
            into[k] = (sbyte)Math.Clamp(MathF.Round(vector[k] / scale), -127, 127);
        }

        return scale;
    }
}
