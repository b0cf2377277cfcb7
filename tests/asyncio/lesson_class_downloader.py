import asyncio
import time
from dataclasses import dataclass, field


@dataclass
class Download:
    url: str
    size: int
    chunks: list = field(default_factory=list)


class Downloader:
    def __init__(self, bandwidth: int):
        self.bandwidth = bandwidth
        self.t0 = time.perf_counter()

    def stamp(self):
        return f"{time.perf_counter() - self.t0:.2f}"

    async def fetch(self, d: Download) -> int:
        print(f"[{self.stamp()}] start {d.url}", flush=True)
        remaining = d.size
        while remaining > 0:
            n = min(self.bandwidth, remaining)
            await asyncio.sleep(n / 100)
            d.chunks.append(n)
            remaining -= n
        print(f"[{self.stamp()}] done {d.url} in {len(d.chunks)} chunks", flush=True)
        return d.size

    async def run_all(self, downloads):
        sizes = await asyncio.gather(*(self.fetch(d) for d in downloads))
        print(f"[{self.stamp()}] total {sum(sizes)} bytes")
        return sizes


async def main():
    dl = Downloader(bandwidth=30)
    items = [Download("a.txt", 50), Download("b.txt", 90), Download("c.txt", 20)]
    print(await dl.run_all(items))
    print(items[1])


asyncio.run(main())
