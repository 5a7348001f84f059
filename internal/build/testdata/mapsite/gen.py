# Writes data/ban-do/huyen-mau.geojson: made-up boundaries of four made-up
# communes ("Xã Đồi Mây", "Xã Bến Gió", "Xã Suối Trăng", "Thị trấn Cầu Mơ"),
# placed on open sea east of Viet Nam (about 112.3°E, 12.3°N) so that they
# can never be mistaken for real communes. Each border is a wavy line of
# 150 positions per side, as a surveyed boundary would have: the build must
# simplify it. Shared borders are the same positions on both sides.
# Run: python3 gen.py  (deterministic: no randomness)
import json, math

X0, Y0, W, H = 112.30, 12.30, 0.12, 0.10  # a 2 × 2 grid of cells
N = 150

def wavy(a, b, seed):
    """The positions from a to b along a wavy line (b excluded)."""
    pts = []
    for i in range(N):
        t = i / N
        x = a[0] + (b[0] - a[0]) * t
        y = a[1] + (b[1] - a[1]) * t
        # Offset perpendicular to the segment: a sum of sines, zero at the ends.
        dx, dy = b[0] - a[0], b[1] - a[1]
        L = math.hypot(dx, dy)
        nx, ny = -dy / L, dx / L
        off = 0.004 * math.sin(math.pi * t) * (math.sin(7 * t * math.pi + seed) + 0.4 * math.sin(23 * t * math.pi + 2 * seed))
        pts.append([round(x + nx * off, 6), round(y + ny * off, 6)])
    return pts

def edge(a, b):
    """A shared edge: the same positions whichever way it is walked."""
    key = (min(a, b), max(a, b))
    seed = (key[0][0] * 31 + key[0][1] * 17 + key[1][0] * 7 + key[1][1] * 3) % 6.28
    pts = wavy(key[0], key[1], seed) + [list(key[1])]
    return pts if (a, b) == key else pts[::-1]

def cell(i, j):
    corners = [(X0 + i * W, Y0 + j * H), (X0 + (i + 1) * W, Y0 + j * H),
               (X0 + (i + 1) * W, Y0 + (j + 1) * H), (X0 + i * W, Y0 + (j + 1) * H)]
    corners = [(round(x, 6), round(y, 6)) for x, y in corners]
    ring = []
    for k in range(4):
        ring += edge(corners[k], corners[(k + 1) % 4])[:-1]
    ring.append(ring[0])
    return ring

features = [
    ({"id": "xa-doi-may"}, cell(0, 1)),
    ({"name": "Bến Gió"}, cell(1, 1)),          # matched by name, without "Xã"
    ({"ten": "xa suoi trang"}, cell(0, 0)),      # by name, without marks
    ({"id": "thi-tran-cau-mo"}, cell(1, 0)),
]
fc = {
    "type": "FeatureCollection",
    "attribution": "hư cấu, chỉ dùng để kiểm thử (không phải ranh giới thật)",
    "features": [
        {"type": "Feature", "properties": p, "geometry": {"type": "Polygon", "coordinates": [r]}}
        for p, r in features
    ],
}
with open("data/ban-do/huyen-mau.geojson", "w") as f:
    json.dump(fc, f, ensure_ascii=False)
    f.write("\n")
