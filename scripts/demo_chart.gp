# Chart of vmq-demo's table (demo.dat written by vmq-demo): delivered Gb/s
# on the left, host time per frame on the right (the whitepaper's point is
# the host CPU each frame costs as much as the throughput).
#   gnuplot -e "dat='demo_out/demo.dat'; png='demo_out/demo.png'" scripts/demo_chart.gp
set terminal pngcairo size 1200,520 font ",11"
set output png
set multiplot layout 1,2 title "vmq-demo: 4 VMs behind one port, one host core (simulated time)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set grid ytics
set yrange [0:*]
set key top left
set title "delivered"
set ylabel "Gb/s"
set yrange [0:30]
plot dat using 2:xtic(1) title "software switch (copy)" lc rgb "#d95f02", \
     ''  using 3 title "VMDq (sorter + DMA)" lc rgb "#1b9e77", \
     ''  using 4 title "line rate (frame bytes)" lc rgb "#bbbbbb"
set title "host time per delivered frame"
set yrange [0:*]
set ylabel "ns per frame (one host core)"
set key top right
plot dat using 5:xtic(1) title "software switch (copy)" lc rgb "#d95f02", \
     ''  using 6 title "VMDq (sorter + DMA)" lc rgb "#1b9e77"
unset multiplot
