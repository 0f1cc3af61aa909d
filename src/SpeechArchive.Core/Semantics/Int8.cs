using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SpeechArchive.Semantics;

/// <summary>Dot products of 8-bit vectors in 32-bit sums: AVX2 multiply-add where the machine has it, else a plain loop.</summary>
internal static class Int8
{
    /// <summary>Added to a 7-bit query's components so they are unsigned: q·p = (q + Offset)·p − Offset·Σp.</summary>
    public const int Offset = 64;

    /// <summary>
    /// <paramref name="vector"/> in 7 bits offset to 0..128 (<see cref="Offset"/>), the left operand of <see cref="DotUnsignedRows"/>;
    /// returns the scale of one step.
    /// </summary>
    public static float QuantiseUnsigned(ReadOnlySpan<float> vector, Span<byte> into)
    {
        Span<sbyte> signed = stackalloc sbyte[vector.Length];
        var scale = VectorMath.Quantise(vector, signed) * 2;
        for (var k = 0; k < vector.Length; k++)
        {
            into[k] = (byte)(((signed[k] + (signed[k] >= 0 ? 1 : -1)) / 2) + Offset);
        }

        return scale;
    }

    /// <summary>
    /// <see cref="DotUnsigned"/> of <paramref name="u"/> with each of the rows <paramref name="from"/>..<paramref name="to"/>
    /// of <paramref name="rows"/> (row length u.Length), into <paramref name="into"/>[row − from]: one loop, no call per row.
    /// </summary>
    public static void DotUnsignedRows(ReadOnlySpan<byte> u, ReadOnlySpan<sbyte> rows, int from, int to, Span<int> into)
    {
        var d = u.Length;
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)to * d, rows.Length, nameof(to)); // the fast path reads unchecked
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        if (!Avx2.IsSupported || d % 32 != 0)
        {
            for (var row = from; row < to; row++)
            {
                into[row - from] = DotUnsigned(u, rows.Slice(row * d, d));
            }

            return;
        }

        ref var pu = ref MemoryMarshal.GetReference(u);
        ref var ps = ref MemoryMarshal.GetReference(rows);
        var ones = Vector256.Create((short)1);
        var steps = d / 32;
        Span<Vector256<byte>> query = stackalloc Vector256<byte>[steps];
        for (var k = 0; k < steps; k++)
        {
            query[k] = Vector256.LoadUnsafe(ref Unsafe.Add(ref pu, k * 32));
        }

        // Four rows at a time, each with its own sum, folded together by horizontal adds (one reduction per four rows).
        var r = from;
        for (; r <= to - 4; r += 4)
        {
            ref var row0 = ref Unsafe.Add(ref ps, (nint)r * d);
            ref var row1 = ref Unsafe.Add(ref row0, d);
            ref var row2 = ref Unsafe.Add(ref row1, d);
            ref var row3 = ref Unsafe.Add(ref row2, d);
            Vector256<int> acc0 = default, acc1 = default, acc2 = default, acc3 = default;
            for (var k = 0; k < steps; k++)
            {
                var at = k * 32;
                acc0 = Avx2.Add(acc0, Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(query[k], Vector256.LoadUnsafe(ref Unsafe.Add(ref row0, at))), ones));
                acc1 = Avx2.Add(acc1, Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(query[k], Vector256.LoadUnsafe(ref Unsafe.Add(ref row1, at))), ones));
                acc2 = Avx2.Add(acc2, Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(query[k], Vector256.LoadUnsafe(ref Unsafe.Add(ref row2, at))), ones));
                acc3 = Avx2.Add(acc3, Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(query[k], Vector256.LoadUnsafe(ref Unsafe.Add(ref row3, at))), ones));
            }

            var folded = Avx2.HorizontalAdd(Avx2.HorizontalAdd(acc0, acc1), Avx2.HorizontalAdd(acc2, acc3));
            var sums = Sse2.Add(folded.GetLower(), folded.GetUpper());
            sums.CopyTo(into[(r - from)..]);
        }

        for (; r < to; r++)
        {
            into[r - from] = DotUnsigned(u, rows.Slice(r * d, d));
        }
    }

    /// <summary>
    /// Σ u[i]·s[i] with u in 0..128 and s in −127..127 (so no pair of products overflows 16 bits): 32 bytes a step with
    /// AVX2's unsigned-by-signed multiply-add (vpmaddubsw, then vpmaddwd by ones), else a plain loop. Both lengths a multiple of 32
    /// for the fast path.
    /// </summary>
    public static int DotUnsigned(ReadOnlySpan<byte> u, ReadOnlySpan<sbyte> s)
    {
        var i = 0;
        var sum = 0;
        if (Avx2.IsSupported && u.Length >= 32)
        {
            ref var pu = ref MemoryMarshal.GetReference(u);
            ref var ps = ref MemoryMarshal.GetReference(s);
            var ones = Vector256.Create((short)1);
            var acc = Vector256<int>.Zero;
            for (; i <= u.Length - 32; i += 32)
            {
                var pairs = Avx2.MultiplyAddAdjacent(Vector256.LoadUnsafe(ref Unsafe.Add(ref pu, i)), Vector256.LoadUnsafe(ref Unsafe.Add(ref ps, i)));
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(pairs, ones));
            }

            sum = Vector256.Sum(acc);
        }

        for (; i < u.Length; i++)
        {
            sum += u[i] * s[i];
        }

        return sum;
    }
}
