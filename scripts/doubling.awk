# doubling.awk reads `go test -bench` output of benchmarks named
# <Bench>/<shape>/<size>KB and prints, for each shape, the median time,
# bytes and allocations per op at each size and the growth per doubling of
# the input between sizes: 2.0 is linear, 4.0 quadratic.
#   awk -f scripts/doubling.awk bench-scaling.txt
function median(key,   n, i, j, t, a) {
	n = split(vals[key], a, " ")
	for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function per(x, y, steps) { return (x > 0 && steps > 0) ? exp(log(y / x) / steps) : 0 }
/^Benchmark[A-Za-z]*Scaling\// {
	name = $1; sub(/-[0-9]+$/, "", name)
	n = split(name, part, "/")
	size = part[n]; sub(/KB$/, "", size)
	shape = part[1] "/" part[2]
	for (i = 2; i <= NF; i++) {
		if ($(i) == "ns/op") vals[shape SUBSEP size SUBSEP "ns"] = vals[shape SUBSEP size SUBSEP "ns"] " " $(i - 1)
		if ($(i) == "B/op") vals[shape SUBSEP size SUBSEP "B"] = vals[shape SUBSEP size SUBSEP "B"] " " $(i - 1)
		if ($(i) == "allocs/op") vals[shape SUBSEP size SUBSEP "allocs"] = vals[shape SUBSEP size SUBSEP "allocs"] " " $(i - 1)
	}
	if (!((shape, size) in seen)) { seen[shape, size] = 1; sizes[shape] = sizes[shape] " " size }
	if (!(shape in order)) { order[shape] = ++nshapes; shapes[nshapes] = shape }
}
END {
	printf "%-52s %8s %12s %12s %10s   %s\n", "shape", "size", "ns/op", "B/op", "allocs/op", "per doubling (time, bytes, allocs)"
	for (k = 1; k <= nshapes; k++) {
		s = shapes[k]
		m = split(sizes[s], sz, " ")
		for (i = 1; i <= m; i++) {
			t = median(s SUBSEP sz[i] SUBSEP "ns"); b = median(s SUBSEP sz[i] SUBSEP "B"); a = median(s SUBSEP sz[i] SUBSEP "allocs")
			growth = ""
			if (i > 1) {
				steps = log(sz[i] / sz[i - 1]) / log(2)
				growth = sprintf("×%.2f  ×%.2f  ×%.2f", per(pt, t, steps), per(pb, b, steps), per(pa, a, steps))
			}
			printf "%-52s %6sKB %12.0f %12.0f %10.0f   %s\n", (i == 1 ? s : ""), sz[i], t, b, a, growth
			pt = t; pb = b; pa = a
		}
	}
}
