// Generated from rtl/csr/vmq_regs.toml by scripts/reggen.py -- DO NOT EDIT.
// Regenerate: python3 scripts/reggen.py   (CI: python3 scripts/reggen.py --check)
//
// vmq_csr: the register block. vmq NIC core registers (AXI4-Lite, 32-bit data): the lower 512 KiB of the 1 MiB BAR0 (the board's registers are above, from 0x80000). Layout for up to 1024 queues: global registers 0x00000-0x00FFF; per-queue receive and interrupt registers 0x10000 + q x 0x40; per-queue transmit registers 0x20000 + q x 0x40; per-queue statistics 0x30000 + q x 0x40; 0x01000-0x0FFFF and 0x40000-0x7FFFF reserved (the filter table window and later blocks).
// An AXI4-Lite slave (vmq_axil_reg_if) feeds a one-cycle register bus; this block
// decodes it, holds the software-writable fields, drives one port per field
// and answers a read the next cycle from a registered read mux, or, for the
// per-queue counters held in RAM, when the counter read port answers
// (qcnt_rd_*: request registered here, answer any number of cycles later,
// exactly one per request). 64-bit counters have no latches: _LO and _HI
// read the value's halves as they are; software reads _HI, _LO, _HI.
// Every access completes with OKAY;
// unmapped addresses read 32'hFFFFFFFF, ignore writes and count in
// csr_unmapped (docs/registers.md, "Access rules"; SPEC 2). Latency: a write
// takes effect (and its pulse fires) the cycle after the register-bus request.
`resetall
`default_nettype none

module vmq_csr
  import vmq_reg_pkg::*;
#(
  parameter int unsigned NumQueues = 16,
  parameter int unsigned NumFilters = 64,
  parameter int unsigned DataW = 64,
  parameter int unsigned AxiDataW = 128,
  parameter int unsigned MaxFrameBytes = 9216,
  parameter int unsigned PktBufBytes = 65536,
  parameter int unsigned DescCache = 32,
  parameter int unsigned TxDescCache = 32,
  parameter int unsigned TxStageBytes = 16384
) (
  input  logic                       clk_i,
  input  logic                       rst_i,
  // AXI4-Lite slave
  input  logic [18:0]                s_axil_awaddr_i,
  input  logic                       s_axil_awvalid_i,
  output logic                       s_axil_awready_o,
  input  logic [31:0]                s_axil_wdata_i,
  input  logic [3:0]                 s_axil_wstrb_i,
  input  logic                       s_axil_wvalid_i,
  output logic                       s_axil_wready_o,
  output logic [1:0]                 s_axil_bresp_o,
  output logic                       s_axil_bvalid_o,
  input  logic                       s_axil_bready_i,
  input  logic [18:0]                s_axil_araddr_i,
  input  logic                       s_axil_arvalid_i,
  output logic                       s_axil_arready_o,
  output logic [31:0]                s_axil_rdata_o,
  output logic [1:0]                 s_axil_rresp_o,
  output logic                       s_axil_rvalid_o,
  input  logic                       s_axil_rready_i,
  // RESET
  output logic                       soft_reset_o,
  // STATUS
  input  logic                       status_reset_busy_i,
  // CTRL
  output logic                       ctrl_default_queue_en_o,
  output logic                       ctrl_loopback_en_o,
  output logic                       ctrl_tx_drr_o,
  // RX_TPID
  output logic [15:0]                rx_tpid_tpid_o,
  // RX_MIN_FRAME
  output logic [15:0]                rx_min_frame_bytes_o,
  // RX_MAX_FRAME
  output logic [15:0]                rx_max_frame_bytes_o,
  // FILT_IDX
  output logic [15:0]                filt_idx_idx_o,
  // FILT_CFG
  output logic                       filt_cfg_valid_o,
  output logic [1:0]                 filt_cfg_type_o,
  output logic [11:0]                filt_cfg_vid_o,
  // FILT_MAC_LO
  output logic [31:0]                filt_mac_lo_mac_o,
  // FILT_MAC_HI
  output logic [15:0]                filt_mac_hi_mac_o,
  // FILT_QMASK_LO
  output logic [31:0]                filt_qmask_lo_qmask_o,
  // FILT_QMASK_HI
  output logic [31:0]                filt_qmask_hi_qmask_o,
  // FILT_CMD
  output logic                       filt_cmd_write_o,
  // FILT_RD_CFG
  input  logic                       filt_rd_cfg_valid_i,
  input  logic [1:0]                 filt_rd_cfg_type_i,
  input  logic [11:0]                filt_rd_cfg_vid_i,
  // FILT_RD_MAC_LO
  input  logic [31:0]                filt_rd_mac_lo_mac_i,
  // FILT_RD_MAC_HI
  input  logic [15:0]                filt_rd_mac_hi_mac_i,
  // FILT_RD_QMASK_LO
  input  logic [31:0]                filt_rd_qmask_lo_qmask_i,
  // FILT_RD_QMASK_HI
  input  logic [31:0]                filt_rd_qmask_hi_qmask_i,
  // RX_FRAMES_LO
  input  logic [63:0]                rx_frames_i,
  // RX_ERR_DROPS_LO
  input  logic [63:0]                rx_err_drops_i,
  // RX_RUNT_DROPS_LO
  input  logic [63:0]                rx_runt_drops_i,
  // RX_OVERSIZE_DROPS_LO
  input  logic [63:0]                rx_oversize_drops_i,
  // RX_UNMATCHED_DROPS_LO
  input  logic [63:0]                rx_unmatched_drops_i,
  // RX_BUFFER_DROPS_LO
  input  logic [63:0]                rx_buffer_drops_i,
  // DMA_ERRORS_LO
  input  logic [63:0]                dma_errors_i,
  // QUEUE_ERRORS_LO
  input  logic [63:0]                queue_errors_i,
  // Q_RX_CTRL
  output logic [NumQueues-1:0]       q_rx_ctrl_enable_o,
  input  logic [NumQueues-1:0]       q_rx_ctrl_enable_clr_i,
  output logic [NumQueues-1:0]       q_rx_ctrl_bcast_o,
  output logic [NumQueues-1:0]       q_rx_ctrl_mcast_o,
  output logic [NumQueues-1:0]       q_rx_ctrl_promisc_o,
  output logic [NumQueues-1:0]       q_rx_ctrl_strip_vlan_o,
  // Q_RX_BASE_LO
  output logic [NumQueues-1:0][27:0] q_rx_base_lo_addr_o,
  // Q_RX_BASE_HI
  output logic [NumQueues-1:0][31:0] q_rx_base_hi_addr_o,
  // Q_RX_SIZE
  output logic [NumQueues-1:0][3:0]  q_rx_size_log2_o,
  // Q_RX_BUF
  output logic [NumQueues-1:0][15:0] q_rx_buf_bytes_o,
  // Q_RX_TAIL
  output logic [NumQueues-1:0][11:0] q_rx_tail_idx_o,
  input  logic [NumQueues-1:0]       q_rx_tail_idx_clr_i,
  // Q_RX_HEAD
  input  logic [NumQueues-1:0][11:0] q_rx_head_idx_i,
  // Q_RX_STATUS
  input  logic [NumQueues-1:0]       q_rx_status_running_i,
  input  logic [NumQueues-1:0]       q_rx_status_stopped_i,
  input  logic [NumQueues-1:0]       q_rx_status_error_i,
  input  logic [NumQueues-1:0]       q_rx_status_resetting_i,
  input  logic [NumQueues-1:0][2:0]  q_rx_status_cause_i,
  // Q_RX_CMD
  output logic [NumQueues-1:0]       q_rx_cmd_reset_o,
  // Q_INT_MASK
  output logic [NumQueues-1:0]       q_int_mask_rx_o,
  output logic [NumQueues-1:0]       q_int_mask_tx_o,
  output logic [NumQueues-1:0]       q_int_mask_err_o,
  // Q_INT_CAUSE
  input  logic [NumQueues-1:0]       q_int_cause_rx_i,
  input  logic [NumQueues-1:0]       q_int_cause_tx_i,
  input  logic [NumQueues-1:0]       q_int_cause_err_i,
  // Q_INT_CLEAR
  output logic [NumQueues-1:0]       q_int_clear_rx_o,
  output logic [NumQueues-1:0]       q_int_clear_tx_o,
  output logic [NumQueues-1:0]       q_int_clear_err_o,
  // Q_INT_ITR
  output logic [NumQueues-1:0][23:0] q_int_itr_cycles_o,
  // Q_TX_CTRL
  output logic [NumQueues-1:0]       q_tx_ctrl_enable_o,
  input  logic [NumQueues-1:0]       q_tx_ctrl_enable_clr_i,
  output logic [NumQueues-1:0]       q_tx_ctrl_spoof_mac_o,
  output logic [NumQueues-1:0]       q_tx_ctrl_spoof_vlan_o,
  // Q_TX_BASE_LO
  output logic [NumQueues-1:0][27:0] q_tx_base_lo_addr_o,
  // Q_TX_BASE_HI
  output logic [NumQueues-1:0][31:0] q_tx_base_hi_addr_o,
  // Q_TX_SIZE
  output logic [NumQueues-1:0][3:0]  q_tx_size_log2_o,
  // Q_TX_TAIL
  output logic [NumQueues-1:0][11:0] q_tx_tail_idx_o,
  input  logic [NumQueues-1:0]       q_tx_tail_idx_clr_i,
  // Q_TX_HEAD
  input  logic [NumQueues-1:0][11:0] q_tx_head_idx_i,
  // Q_TX_STATUS
  input  logic [NumQueues-1:0]       q_tx_status_running_i,
  input  logic [NumQueues-1:0]       q_tx_status_stopped_i,
  input  logic [NumQueues-1:0]       q_tx_status_error_i,
  input  logic [NumQueues-1:0]       q_tx_status_resetting_i,
  input  logic [NumQueues-1:0][2:0]  q_tx_status_cause_i,
  // Q_TX_CMD
  output logic [NumQueues-1:0]       q_tx_cmd_reset_o,
  // Q_TX_PORT_VLAN
  output logic [NumQueues-1:0][15:0] q_tx_port_vlan_tci_o,
  // Q_TX_MAC_LO
  output logic [NumQueues-1:0][31:0] q_tx_mac_lo_mac_o,
  // Q_TX_MAC_HI
  output logic [NumQueues-1:0][15:0] q_tx_mac_hi_mac_o,
  // Q_TX_WEIGHT
  output logic [NumQueues-1:0][15:0] q_tx_weight_weight_o,
  // per-queue counters in RAM (QCNT_* in the package): one read at a time
  output logic                       qcnt_rd_req_o,
  output logic [QCNT_ID_W-1:0]       qcnt_rd_id_o,
  output logic [QCNT_QUEUE_W-1:0]    qcnt_rd_queue_o,
  input  logic                       qcnt_rd_valid_i,
  input  logic [63:0]                qcnt_rd_data_i
);

  // Parameter checks at elaboration.
  if (NumQueues < 1 || NumQueues > 64) begin : gen_bad_num_queues
    $fatal(1, "vmq_csr: NumQueues must be 1..64");
  end
  if (NumFilters < 2 || NumFilters > 4096) begin : gen_bad_num_filters
    $fatal(1, "vmq_csr: NumFilters must be 2..4096");
  end
  if (DataW < 64 || DataW > 512) begin : gen_bad_data_w
    $fatal(1, "vmq_csr: DataW must be 64..512");
  end
  if (AxiDataW < 64 || AxiDataW > 512) begin : gen_bad_axi_data_w
    $fatal(1, "vmq_csr: AxiDataW must be 64..512");
  end
  if (MaxFrameBytes < 64 || MaxFrameBytes > 65534) begin : gen_bad_max_frame_bytes
    $fatal(1, "vmq_csr: MaxFrameBytes must be 64..65534");
  end
  if (PktBufBytes < 1) begin : gen_bad_pkt_buf_bytes
    $fatal(1, "vmq_csr: PktBufBytes must be 1..4294967295");
  end
  if (DescCache < 4 || DescCache > 255) begin : gen_bad_desc_cache
    $fatal(1, "vmq_csr: DescCache must be 4..255");
  end
  if (TxDescCache < 1 || TxDescCache > 255) begin : gen_bad_tx_desc_cache
    $fatal(1, "vmq_csr: TxDescCache must be 1..255");
  end
  if (TxStageBytes < 64 || TxStageBytes > 2147483647) begin : gen_bad_tx_stage_bytes
    $fatal(1, "vmq_csr: TxStageBytes must be 64..2147483647");
  end

  // ---------------------------------------------------------------- bus adapter
  logic        reg_req;
  logic        reg_we;
  logic [18:0] reg_addr;
  logic [31:0] reg_wdata;
  logic [3:0]  reg_wstrb;
  logic        reg_rvalid;
  logic [31:0] reg_rdata;

  vmq_axil_reg_if #(
    .AddrW(19)
  ) u_axil_reg_if (
    .clk_i           (clk_i),
    .rst_i           (rst_i),
    .s_axil_awaddr_i (s_axil_awaddr_i),
    .s_axil_awvalid_i(s_axil_awvalid_i),
    .s_axil_awready_o(s_axil_awready_o),
    .s_axil_wdata_i  (s_axil_wdata_i),
    .s_axil_wstrb_i  (s_axil_wstrb_i),
    .s_axil_wvalid_i (s_axil_wvalid_i),
    .s_axil_wready_o (s_axil_wready_o),
    .s_axil_bresp_o  (s_axil_bresp_o),
    .s_axil_bvalid_o (s_axil_bvalid_o),
    .s_axil_bready_i (s_axil_bready_i),
    .s_axil_araddr_i (s_axil_araddr_i),
    .s_axil_arvalid_i(s_axil_arvalid_i),
    .s_axil_arready_o(s_axil_arready_o),
    .s_axil_rdata_o  (s_axil_rdata_o),
    .s_axil_rresp_o  (s_axil_rresp_o),
    .s_axil_rvalid_o (s_axil_rvalid_o),
    .s_axil_rready_i (s_axil_rready_i),
    .reg_req_o       (reg_req),
    .reg_we_o        (reg_we),
    .reg_addr_o      (reg_addr),
    .reg_wdata_o     (reg_wdata),
    .reg_wstrb_o     (reg_wstrb),
    .reg_rvalid_i    (reg_rvalid),
    .reg_rdata_i     (reg_rdata)
  );

  // ---------------------------------------------------------------- decode
  logic [18:0] word_addr;  // unaligned addresses act on their aligned word
  logic [31:0] wmask;      // byte strobes as a bit mask
  logic        wr;
  logic        rd;
  assign word_addr = {reg_addr[18:2], 2'b00};
  assign wmask     = {{8{reg_wstrb[3]}}, {8{reg_wstrb[2]}}, {8{reg_wstrb[1]}}, {8{reg_wstrb[0]}}};
  assign wr        = reg_req & reg_we;
  assign rd        = reg_req & ~reg_we;

  logic unused_addr_bits;
  assign unused_addr_bits = ^reg_addr[1:0];

  logic [NumQueues-1:0] hit_q_rx_ctrl;
  logic [NumQueues-1:0] hit_q_rx_base_lo;
  logic [NumQueues-1:0] hit_q_rx_base_hi;
  logic [NumQueues-1:0] hit_q_rx_size;
  logic [NumQueues-1:0] hit_q_rx_buf;
  logic [NumQueues-1:0] hit_q_rx_tail;
  logic [NumQueues-1:0] hit_q_rx_head;
  logic [NumQueues-1:0] hit_q_rx_status;
  logic [NumQueues-1:0] hit_q_rx_cmd;
  logic [NumQueues-1:0] hit_q_int_mask;
  logic [NumQueues-1:0] hit_q_int_cause;
  logic [NumQueues-1:0] hit_q_int_clear;
  logic [NumQueues-1:0] hit_q_int_itr;
  logic [NumQueues-1:0] hit_q_tx_ctrl;
  logic [NumQueues-1:0] hit_q_tx_base_lo;
  logic [NumQueues-1:0] hit_q_tx_base_hi;
  logic [NumQueues-1:0] hit_q_tx_size;
  logic [NumQueues-1:0] hit_q_tx_tail;
  logic [NumQueues-1:0] hit_q_tx_head;
  logic [NumQueues-1:0] hit_q_tx_status;
  logic [NumQueues-1:0] hit_q_tx_cmd;
  logic [NumQueues-1:0] hit_q_tx_port_vlan;
  logic [NumQueues-1:0] hit_q_tx_mac_lo;
  logic [NumQueues-1:0] hit_q_tx_mac_hi;
  logic [NumQueues-1:0] hit_q_tx_weight;
  logic [NumQueues-1:0] hit_q_rx_packets_lo;
  logic [NumQueues-1:0] hit_q_rx_packets_hi;
  logic [NumQueues-1:0] hit_q_rx_bytes_lo;
  logic [NumQueues-1:0] hit_q_rx_bytes_hi;
  logic [NumQueues-1:0] hit_q_rx_no_desc_drops_lo;
  logic [NumQueues-1:0] hit_q_rx_no_desc_drops_hi;
  logic [NumQueues-1:0] hit_q_tx_packets_lo;
  logic [NumQueues-1:0] hit_q_tx_packets_hi;
  logic [NumQueues-1:0] hit_q_tx_bytes_lo;
  logic [NumQueues-1:0] hit_q_tx_bytes_hi;
  logic [NumQueues-1:0] hit_q_tx_spoof_drops_lo;
  logic [NumQueues-1:0] hit_q_tx_spoof_drops_hi;
  logic [NumQueues-1:0] hit_q_tx_oversize_drops_lo;
  logic [NumQueues-1:0] hit_q_tx_oversize_drops_hi;
  always_comb begin
    hit_q_rx_ctrl = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_rx_ctrl[q] = (word_addr == REG_Q_RX_CTRL + 19'(q) * Q_RX_CTRL_STRIDE);
    end
    hit_q_rx_base_lo = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_rx_base_lo[q] = (word_addr == REG_Q_RX_BASE_LO + 19'(q) * Q_RX_BASE_LO_STRIDE);
    end
    hit_q_rx_base_hi = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_rx_base_hi[q] = (word_addr == REG_Q_RX_BASE_HI + 19'(q) * Q_RX_BASE_HI_STRIDE);
    end
    hit_q_rx_size = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_rx_size[q] = (word_addr == REG_Q_RX_SIZE + 19'(q) * Q_RX_SIZE_STRIDE);
    end
    hit_q_rx_buf = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_rx_buf[q] = (word_addr == REG_Q_RX_BUF + 19'(q) * Q_RX_BUF_STRIDE);
    end
    hit_q_rx_tail = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_rx_tail[q] = (word_addr == REG_Q_RX_TAIL + 19'(q) * Q_RX_TAIL_STRIDE);
    end
    hit_q_rx_head = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_rx_head[q] = (word_addr == REG_Q_RX_HEAD + 19'(q) * Q_RX_HEAD_STRIDE);
    end
    hit_q_rx_status = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_rx_status[q] = (word_addr == REG_Q_RX_STATUS + 19'(q) * Q_RX_STATUS_STRIDE);
    end
    hit_q_rx_cmd = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_rx_cmd[q] = (word_addr == REG_Q_RX_CMD + 19'(q) * Q_RX_CMD_STRIDE);
    end
    hit_q_int_mask = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_int_mask[q] = (word_addr == REG_Q_INT_MASK + 19'(q) * Q_INT_MASK_STRIDE);
    end
    hit_q_int_cause = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_int_cause[q] = (word_addr == REG_Q_INT_CAUSE + 19'(q) * Q_INT_CAUSE_STRIDE);
    end
    hit_q_int_clear = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_int_clear[q] = (word_addr == REG_Q_INT_CLEAR + 19'(q) * Q_INT_CLEAR_STRIDE);
    end
    hit_q_int_itr = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_int_itr[q] = (word_addr == REG_Q_INT_ITR + 19'(q) * Q_INT_ITR_STRIDE);
    end
    hit_q_tx_ctrl = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_tx_ctrl[q] = (word_addr == REG_Q_TX_CTRL + 19'(q) * Q_TX_CTRL_STRIDE);
    end
    hit_q_tx_base_lo = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_tx_base_lo[q] = (word_addr == REG_Q_TX_BASE_LO + 19'(q) * Q_TX_BASE_LO_STRIDE);
    end
    hit_q_tx_base_hi = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_tx_base_hi[q] = (word_addr == REG_Q_TX_BASE_HI + 19'(q) * Q_TX_BASE_HI_STRIDE);
    end
    hit_q_tx_size = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_tx_size[q] = (word_addr == REG_Q_TX_SIZE + 19'(q) * Q_TX_SIZE_STRIDE);
    end
    hit_q_tx_tail = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_tx_tail[q] = (word_addr == REG_Q_TX_TAIL + 19'(q) * Q_TX_TAIL_STRIDE);
    end
    hit_q_tx_head = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_tx_head[q] = (word_addr == REG_Q_TX_HEAD + 19'(q) * Q_TX_HEAD_STRIDE);
    end
    hit_q_tx_status = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_tx_status[q] = (word_addr == REG_Q_TX_STATUS + 19'(q) * Q_TX_STATUS_STRIDE);
    end
    hit_q_tx_cmd = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_tx_cmd[q] = (word_addr == REG_Q_TX_CMD + 19'(q) * Q_TX_CMD_STRIDE);
    end
    hit_q_tx_port_vlan = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_tx_port_vlan[q] = (word_addr == REG_Q_TX_PORT_VLAN + 19'(q) * Q_TX_PORT_VLAN_STRIDE);
    end
    hit_q_tx_mac_lo = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_tx_mac_lo[q] = (word_addr == REG_Q_TX_MAC_LO + 19'(q) * Q_TX_MAC_LO_STRIDE);
    end
    hit_q_tx_mac_hi = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_tx_mac_hi[q] = (word_addr == REG_Q_TX_MAC_HI + 19'(q) * Q_TX_MAC_HI_STRIDE);
    end
    hit_q_tx_weight = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_tx_weight[q] = (word_addr == REG_Q_TX_WEIGHT + 19'(q) * Q_TX_WEIGHT_STRIDE);
    end
    hit_q_rx_packets_lo = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_rx_packets_lo[q] = (word_addr == REG_Q_RX_PACKETS_LO + 19'(q) * Q_RX_PACKETS_LO_STRIDE);
    end
    hit_q_rx_packets_hi = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_rx_packets_hi[q] = (word_addr == REG_Q_RX_PACKETS_HI + 19'(q) * Q_RX_PACKETS_HI_STRIDE);
    end
    hit_q_rx_bytes_lo = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_rx_bytes_lo[q] = (word_addr == REG_Q_RX_BYTES_LO + 19'(q) * Q_RX_BYTES_LO_STRIDE);
    end
    hit_q_rx_bytes_hi = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_rx_bytes_hi[q] = (word_addr == REG_Q_RX_BYTES_HI + 19'(q) * Q_RX_BYTES_HI_STRIDE);
    end
    hit_q_rx_no_desc_drops_lo = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_rx_no_desc_drops_lo[q] = (word_addr == REG_Q_RX_NO_DESC_DROPS_LO + 19'(q) * Q_RX_NO_DESC_DROPS_LO_STRIDE);
    end
    hit_q_rx_no_desc_drops_hi = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_rx_no_desc_drops_hi[q] = (word_addr == REG_Q_RX_NO_DESC_DROPS_HI + 19'(q) * Q_RX_NO_DESC_DROPS_HI_STRIDE);
    end
    hit_q_tx_packets_lo = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_tx_packets_lo[q] = (word_addr == REG_Q_TX_PACKETS_LO + 19'(q) * Q_TX_PACKETS_LO_STRIDE);
    end
    hit_q_tx_packets_hi = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_tx_packets_hi[q] = (word_addr == REG_Q_TX_PACKETS_HI + 19'(q) * Q_TX_PACKETS_HI_STRIDE);
    end
    hit_q_tx_bytes_lo = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_tx_bytes_lo[q] = (word_addr == REG_Q_TX_BYTES_LO + 19'(q) * Q_TX_BYTES_LO_STRIDE);
    end
    hit_q_tx_bytes_hi = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_tx_bytes_hi[q] = (word_addr == REG_Q_TX_BYTES_HI + 19'(q) * Q_TX_BYTES_HI_STRIDE);
    end
    hit_q_tx_spoof_drops_lo = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_tx_spoof_drops_lo[q] = (word_addr == REG_Q_TX_SPOOF_DROPS_LO + 19'(q) * Q_TX_SPOOF_DROPS_LO_STRIDE);
    end
    hit_q_tx_spoof_drops_hi = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_tx_spoof_drops_hi[q] = (word_addr == REG_Q_TX_SPOOF_DROPS_HI + 19'(q) * Q_TX_SPOOF_DROPS_HI_STRIDE);
    end
    hit_q_tx_oversize_drops_lo = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_tx_oversize_drops_lo[q] = (word_addr == REG_Q_TX_OVERSIZE_DROPS_LO + 19'(q) * Q_TX_OVERSIZE_DROPS_LO_STRIDE);
    end
    hit_q_tx_oversize_drops_hi = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      hit_q_tx_oversize_drops_hi[q] = (word_addr == REG_Q_TX_OVERSIZE_DROPS_HI + 19'(q) * Q_TX_OVERSIZE_DROPS_HI_STRIDE);
    end
  end

  logic hit_id_magic;
  logic hit_id_version;
  logic hit_id_num_queues;
  logic hit_id_num_filters;
  logic hit_id_data_w;
  logic hit_id_axi_data_w;
  logic hit_id_max_frame_bytes;
  logic hit_id_pktbuf_bytes;
  logic hit_scratch;
  logic hit_id_rx_caps;
  logic hit_id_tx_caps;
  logic hit_id_tx_stage_bytes;
  logic hit_reset;
  logic hit_status;
  logic hit_ctrl;
  logic hit_rx_tpid;
  logic hit_rx_min_frame;
  logic hit_rx_max_frame;
  logic hit_csr_unmapped_lo;
  logic hit_csr_unmapped_hi;
  logic hit_filt_idx;
  logic hit_filt_cfg;
  logic hit_filt_mac_lo;
  logic hit_filt_mac_hi;
  logic hit_filt_qmask_lo;
  logic hit_filt_qmask_hi;
  logic hit_filt_cmd;
  logic hit_filt_rd_cfg;
  logic hit_filt_rd_mac_lo;
  logic hit_filt_rd_mac_hi;
  logic hit_filt_rd_qmask_lo;
  logic hit_filt_rd_qmask_hi;
  logic hit_rx_frames_lo;
  logic hit_rx_frames_hi;
  logic hit_rx_err_drops_lo;
  logic hit_rx_err_drops_hi;
  logic hit_rx_runt_drops_lo;
  logic hit_rx_runt_drops_hi;
  logic hit_rx_oversize_drops_lo;
  logic hit_rx_oversize_drops_hi;
  logic hit_rx_unmatched_drops_lo;
  logic hit_rx_unmatched_drops_hi;
  logic hit_rx_buffer_drops_lo;
  logic hit_rx_buffer_drops_hi;
  logic hit_dma_errors_lo;
  logic hit_dma_errors_hi;
  logic hit_queue_errors_lo;
  logic hit_queue_errors_hi;
  assign hit_id_magic = (word_addr == REG_ID_MAGIC);
  assign hit_id_version = (word_addr == REG_ID_VERSION);
  assign hit_id_num_queues = (word_addr == REG_ID_NUM_QUEUES);
  assign hit_id_num_filters = (word_addr == REG_ID_NUM_FILTERS);
  assign hit_id_data_w = (word_addr == REG_ID_DATA_W);
  assign hit_id_axi_data_w = (word_addr == REG_ID_AXI_DATA_W);
  assign hit_id_max_frame_bytes = (word_addr == REG_ID_MAX_FRAME_BYTES);
  assign hit_id_pktbuf_bytes = (word_addr == REG_ID_PKTBUF_BYTES);
  assign hit_scratch = (word_addr == REG_SCRATCH);
  assign hit_id_rx_caps = (word_addr == REG_ID_RX_CAPS);
  assign hit_id_tx_caps = (word_addr == REG_ID_TX_CAPS);
  assign hit_id_tx_stage_bytes = (word_addr == REG_ID_TX_STAGE_BYTES);
  assign hit_reset = (word_addr == REG_RESET);
  assign hit_status = (word_addr == REG_STATUS);
  assign hit_ctrl = (word_addr == REG_CTRL);
  assign hit_rx_tpid = (word_addr == REG_RX_TPID);
  assign hit_rx_min_frame = (word_addr == REG_RX_MIN_FRAME);
  assign hit_rx_max_frame = (word_addr == REG_RX_MAX_FRAME);
  assign hit_csr_unmapped_lo = (word_addr == REG_CSR_UNMAPPED_LO);
  assign hit_csr_unmapped_hi = (word_addr == REG_CSR_UNMAPPED_HI);
  assign hit_filt_idx = (word_addr == REG_FILT_IDX);
  assign hit_filt_cfg = (word_addr == REG_FILT_CFG);
  assign hit_filt_mac_lo = (word_addr == REG_FILT_MAC_LO);
  assign hit_filt_mac_hi = (word_addr == REG_FILT_MAC_HI);
  assign hit_filt_qmask_lo = (word_addr == REG_FILT_QMASK_LO);
  assign hit_filt_qmask_hi = (word_addr == REG_FILT_QMASK_HI);
  assign hit_filt_cmd = (word_addr == REG_FILT_CMD);
  assign hit_filt_rd_cfg = (word_addr == REG_FILT_RD_CFG);
  assign hit_filt_rd_mac_lo = (word_addr == REG_FILT_RD_MAC_LO);
  assign hit_filt_rd_mac_hi = (word_addr == REG_FILT_RD_MAC_HI);
  assign hit_filt_rd_qmask_lo = (word_addr == REG_FILT_RD_QMASK_LO);
  assign hit_filt_rd_qmask_hi = (word_addr == REG_FILT_RD_QMASK_HI);
  assign hit_rx_frames_lo = (word_addr == REG_RX_FRAMES_LO);
  assign hit_rx_frames_hi = (word_addr == REG_RX_FRAMES_HI);
  assign hit_rx_err_drops_lo = (word_addr == REG_RX_ERR_DROPS_LO);
  assign hit_rx_err_drops_hi = (word_addr == REG_RX_ERR_DROPS_HI);
  assign hit_rx_runt_drops_lo = (word_addr == REG_RX_RUNT_DROPS_LO);
  assign hit_rx_runt_drops_hi = (word_addr == REG_RX_RUNT_DROPS_HI);
  assign hit_rx_oversize_drops_lo = (word_addr == REG_RX_OVERSIZE_DROPS_LO);
  assign hit_rx_oversize_drops_hi = (word_addr == REG_RX_OVERSIZE_DROPS_HI);
  assign hit_rx_unmatched_drops_lo = (word_addr == REG_RX_UNMATCHED_DROPS_LO);
  assign hit_rx_unmatched_drops_hi = (word_addr == REG_RX_UNMATCHED_DROPS_HI);
  assign hit_rx_buffer_drops_lo = (word_addr == REG_RX_BUFFER_DROPS_LO);
  assign hit_rx_buffer_drops_hi = (word_addr == REG_RX_BUFFER_DROPS_HI);
  assign hit_dma_errors_lo = (word_addr == REG_DMA_ERRORS_LO);
  assign hit_dma_errors_hi = (word_addr == REG_DMA_ERRORS_HI);
  assign hit_queue_errors_lo = (word_addr == REG_QUEUE_ERRORS_LO);
  assign hit_queue_errors_hi = (word_addr == REG_QUEUE_ERRORS_HI);
  localparam int unsigned NumQueuesIdxW = (NumQueues > 1) ? $clog2(NumQueues) : 1;
  logic [NumQueuesIdxW-1:0] ridx_q_rx_ctrl;
  assign ridx_q_rx_ctrl = NumQueuesIdxW'((word_addr - REG_Q_RX_CTRL) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_rx_base_lo;
  assign ridx_q_rx_base_lo = NumQueuesIdxW'((word_addr - REG_Q_RX_BASE_LO) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_rx_base_hi;
  assign ridx_q_rx_base_hi = NumQueuesIdxW'((word_addr - REG_Q_RX_BASE_HI) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_rx_size;
  assign ridx_q_rx_size = NumQueuesIdxW'((word_addr - REG_Q_RX_SIZE) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_rx_buf;
  assign ridx_q_rx_buf = NumQueuesIdxW'((word_addr - REG_Q_RX_BUF) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_rx_tail;
  assign ridx_q_rx_tail = NumQueuesIdxW'((word_addr - REG_Q_RX_TAIL) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_rx_head;
  assign ridx_q_rx_head = NumQueuesIdxW'((word_addr - REG_Q_RX_HEAD) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_rx_status;
  assign ridx_q_rx_status = NumQueuesIdxW'((word_addr - REG_Q_RX_STATUS) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_int_mask;
  assign ridx_q_int_mask = NumQueuesIdxW'((word_addr - REG_Q_INT_MASK) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_int_cause;
  assign ridx_q_int_cause = NumQueuesIdxW'((word_addr - REG_Q_INT_CAUSE) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_int_itr;
  assign ridx_q_int_itr = NumQueuesIdxW'((word_addr - REG_Q_INT_ITR) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_tx_ctrl;
  assign ridx_q_tx_ctrl = NumQueuesIdxW'((word_addr - REG_Q_TX_CTRL) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_tx_base_lo;
  assign ridx_q_tx_base_lo = NumQueuesIdxW'((word_addr - REG_Q_TX_BASE_LO) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_tx_base_hi;
  assign ridx_q_tx_base_hi = NumQueuesIdxW'((word_addr - REG_Q_TX_BASE_HI) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_tx_size;
  assign ridx_q_tx_size = NumQueuesIdxW'((word_addr - REG_Q_TX_SIZE) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_tx_tail;
  assign ridx_q_tx_tail = NumQueuesIdxW'((word_addr - REG_Q_TX_TAIL) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_tx_head;
  assign ridx_q_tx_head = NumQueuesIdxW'((word_addr - REG_Q_TX_HEAD) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_tx_status;
  assign ridx_q_tx_status = NumQueuesIdxW'((word_addr - REG_Q_TX_STATUS) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_tx_port_vlan;
  assign ridx_q_tx_port_vlan = NumQueuesIdxW'((word_addr - REG_Q_TX_PORT_VLAN) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_tx_mac_lo;
  assign ridx_q_tx_mac_lo = NumQueuesIdxW'((word_addr - REG_Q_TX_MAC_LO) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_tx_mac_hi;
  assign ridx_q_tx_mac_hi = NumQueuesIdxW'((word_addr - REG_Q_TX_MAC_HI) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_tx_weight;
  assign ridx_q_tx_weight = NumQueuesIdxW'((word_addr - REG_Q_TX_WEIGHT) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_rx_packets_lo;
  assign ridx_q_rx_packets_lo = NumQueuesIdxW'((word_addr - REG_Q_RX_PACKETS_LO) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_rx_packets_hi;
  assign ridx_q_rx_packets_hi = NumQueuesIdxW'((word_addr - REG_Q_RX_PACKETS_HI) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_rx_bytes_lo;
  assign ridx_q_rx_bytes_lo = NumQueuesIdxW'((word_addr - REG_Q_RX_BYTES_LO) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_rx_bytes_hi;
  assign ridx_q_rx_bytes_hi = NumQueuesIdxW'((word_addr - REG_Q_RX_BYTES_HI) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_rx_no_desc_drops_lo;
  assign ridx_q_rx_no_desc_drops_lo = NumQueuesIdxW'((word_addr - REG_Q_RX_NO_DESC_DROPS_LO) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_rx_no_desc_drops_hi;
  assign ridx_q_rx_no_desc_drops_hi = NumQueuesIdxW'((word_addr - REG_Q_RX_NO_DESC_DROPS_HI) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_tx_packets_lo;
  assign ridx_q_tx_packets_lo = NumQueuesIdxW'((word_addr - REG_Q_TX_PACKETS_LO) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_tx_packets_hi;
  assign ridx_q_tx_packets_hi = NumQueuesIdxW'((word_addr - REG_Q_TX_PACKETS_HI) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_tx_bytes_lo;
  assign ridx_q_tx_bytes_lo = NumQueuesIdxW'((word_addr - REG_Q_TX_BYTES_LO) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_tx_bytes_hi;
  assign ridx_q_tx_bytes_hi = NumQueuesIdxW'((word_addr - REG_Q_TX_BYTES_HI) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_tx_spoof_drops_lo;
  assign ridx_q_tx_spoof_drops_lo = NumQueuesIdxW'((word_addr - REG_Q_TX_SPOOF_DROPS_LO) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_tx_spoof_drops_hi;
  assign ridx_q_tx_spoof_drops_hi = NumQueuesIdxW'((word_addr - REG_Q_TX_SPOOF_DROPS_HI) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_tx_oversize_drops_lo;
  assign ridx_q_tx_oversize_drops_lo = NumQueuesIdxW'((word_addr - REG_Q_TX_OVERSIZE_DROPS_LO) >> 6);
  logic [NumQueuesIdxW-1:0] ridx_q_tx_oversize_drops_hi;
  assign ridx_q_tx_oversize_drops_hi = NumQueuesIdxW'((word_addr - REG_Q_TX_OVERSIZE_DROPS_HI) >> 6);

  logic mapped;
  assign mapped = hit_id_magic | hit_id_version | hit_id_num_queues | hit_id_num_filters |
                  hit_id_data_w | hit_id_axi_data_w | hit_id_max_frame_bytes |
                  hit_id_pktbuf_bytes | hit_scratch | hit_id_rx_caps | hit_id_tx_caps |
                  hit_id_tx_stage_bytes | hit_reset | hit_status | hit_ctrl | hit_rx_tpid |
                  hit_rx_min_frame | hit_rx_max_frame | hit_csr_unmapped_lo |
                  hit_csr_unmapped_hi | hit_filt_idx | hit_filt_cfg | hit_filt_mac_lo |
                  hit_filt_mac_hi | hit_filt_qmask_lo | hit_filt_qmask_hi | hit_filt_cmd |
                  hit_filt_rd_cfg | hit_filt_rd_mac_lo | hit_filt_rd_mac_hi |
                  hit_filt_rd_qmask_lo | hit_filt_rd_qmask_hi | hit_rx_frames_lo |
                  hit_rx_frames_hi | hit_rx_err_drops_lo | hit_rx_err_drops_hi |
                  hit_rx_runt_drops_lo | hit_rx_runt_drops_hi | hit_rx_oversize_drops_lo |
                  hit_rx_oversize_drops_hi | hit_rx_unmatched_drops_lo |
                  hit_rx_unmatched_drops_hi | hit_rx_buffer_drops_lo |
                  hit_rx_buffer_drops_hi | hit_dma_errors_lo | hit_dma_errors_hi |
                  hit_queue_errors_lo | hit_queue_errors_hi | |hit_q_rx_ctrl |
                  |hit_q_rx_base_lo | |hit_q_rx_base_hi | |hit_q_rx_size | |hit_q_rx_buf |
                  |hit_q_rx_tail | |hit_q_rx_head | |hit_q_rx_status | |hit_q_rx_cmd |
                  |hit_q_int_mask | |hit_q_int_cause | |hit_q_int_clear | |hit_q_int_itr |
                  |hit_q_tx_ctrl | |hit_q_tx_base_lo | |hit_q_tx_base_hi | |hit_q_tx_size |
                  |hit_q_tx_tail | |hit_q_tx_head | |hit_q_tx_status | |hit_q_tx_cmd |
                  |hit_q_tx_port_vlan | |hit_q_tx_mac_lo | |hit_q_tx_mac_hi |
                  |hit_q_tx_weight | |hit_q_rx_packets_lo | |hit_q_rx_packets_hi |
                  |hit_q_rx_bytes_lo | |hit_q_rx_bytes_hi | |hit_q_rx_no_desc_drops_lo |
                  |hit_q_rx_no_desc_drops_hi | |hit_q_tx_packets_lo | |hit_q_tx_packets_hi |
                  |hit_q_tx_bytes_lo | |hit_q_tx_bytes_hi | |hit_q_tx_spoof_drops_lo |
                  |hit_q_tx_spoof_drops_hi | |hit_q_tx_oversize_drops_lo |
                  |hit_q_tx_oversize_drops_hi;

  // ---------------------------------------------------------------- soft reset
  logic soft_reset_req;
  assign soft_reset_req = wr & hit_reset & wmask[0] & reg_wdata[0];

  // ---------------------------------------------------------------- rw fields
  logic [31:0] scratch_value_q, scratch_value_d;
  always_comb begin
    scratch_value_d = scratch_value_q;
    if (wr && hit_scratch) begin
      scratch_value_d = (scratch_value_q & ~wmask[31:0]) | (reg_wdata[31:0] & wmask[31:0]);
    end
    if (soft_reset_req) begin
      scratch_value_d = 32'h00000000;
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      scratch_value_q <= 32'h00000000;
    end else begin
      scratch_value_q <= scratch_value_d;
    end
  end

  logic ctrl_default_queue_en_q, ctrl_default_queue_en_d;
  logic ctrl_loopback_en_q, ctrl_loopback_en_d;
  logic ctrl_tx_drr_q, ctrl_tx_drr_d;
  always_comb begin
    ctrl_default_queue_en_d = ctrl_default_queue_en_q;
    ctrl_loopback_en_d = ctrl_loopback_en_q;
    ctrl_tx_drr_d = ctrl_tx_drr_q;
    if (wr && hit_ctrl) begin
      ctrl_default_queue_en_d = (ctrl_default_queue_en_q & ~wmask[1]) | (reg_wdata[1] & wmask[1]);
      ctrl_loopback_en_d = (ctrl_loopback_en_q & ~wmask[2]) | (reg_wdata[2] & wmask[2]);
      ctrl_tx_drr_d = (ctrl_tx_drr_q & ~wmask[3]) | (reg_wdata[3] & wmask[3]);
    end
    if (soft_reset_req) begin
      ctrl_default_queue_en_d = 1'h1;
      ctrl_loopback_en_d = 1'h0;
      ctrl_tx_drr_d = 1'h0;
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      ctrl_default_queue_en_q <= 1'h1;
      ctrl_loopback_en_q <= 1'h0;
      ctrl_tx_drr_q <= 1'h0;
    end else begin
      ctrl_default_queue_en_q <= ctrl_default_queue_en_d;
      ctrl_loopback_en_q <= ctrl_loopback_en_d;
      ctrl_tx_drr_q <= ctrl_tx_drr_d;
    end
  end
  assign ctrl_default_queue_en_o = ctrl_default_queue_en_q;
  assign ctrl_loopback_en_o = ctrl_loopback_en_q;
  assign ctrl_tx_drr_o = ctrl_tx_drr_q;

  logic [15:0] rx_tpid_tpid_q, rx_tpid_tpid_d;
  always_comb begin
    rx_tpid_tpid_d = rx_tpid_tpid_q;
    if (wr && hit_rx_tpid) begin
      rx_tpid_tpid_d = (rx_tpid_tpid_q & ~wmask[15:0]) | (reg_wdata[15:0] & wmask[15:0]);
    end
    if (soft_reset_req) begin
      rx_tpid_tpid_d = 16'h8100;
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      rx_tpid_tpid_q <= 16'h8100;
    end else begin
      rx_tpid_tpid_q <= rx_tpid_tpid_d;
    end
  end
  assign rx_tpid_tpid_o = rx_tpid_tpid_q;

  logic [15:0] rx_min_frame_bytes_q, rx_min_frame_bytes_d;
  always_comb begin
    rx_min_frame_bytes_d = rx_min_frame_bytes_q;
    if (wr && hit_rx_min_frame) begin
      rx_min_frame_bytes_d = (rx_min_frame_bytes_q & ~wmask[15:0]) | (reg_wdata[15:0] & wmask[15:0]);
    end
    if (soft_reset_req) begin
      rx_min_frame_bytes_d = 16'h003C;
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      rx_min_frame_bytes_q <= 16'h003C;
    end else begin
      rx_min_frame_bytes_q <= rx_min_frame_bytes_d;
    end
  end
  assign rx_min_frame_bytes_o = rx_min_frame_bytes_q;

  logic [15:0] rx_max_frame_bytes_q, rx_max_frame_bytes_d;
  always_comb begin
    rx_max_frame_bytes_d = rx_max_frame_bytes_q;
    if (wr && hit_rx_max_frame) begin
      rx_max_frame_bytes_d = (rx_max_frame_bytes_q & ~wmask[15:0]) | (reg_wdata[15:0] & wmask[15:0]);
    end
    if (soft_reset_req) begin
      rx_max_frame_bytes_d = 16'h05EE;
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      rx_max_frame_bytes_q <= 16'h05EE;
    end else begin
      rx_max_frame_bytes_q <= rx_max_frame_bytes_d;
    end
  end
  assign rx_max_frame_bytes_o = rx_max_frame_bytes_q;

  logic [15:0] filt_idx_idx_q, filt_idx_idx_d;
  always_comb begin
    filt_idx_idx_d = filt_idx_idx_q;
    if (wr && hit_filt_idx) begin
      filt_idx_idx_d = (filt_idx_idx_q & ~wmask[15:0]) | (reg_wdata[15:0] & wmask[15:0]);
    end
    if (soft_reset_req) begin
      filt_idx_idx_d = 16'h0000;
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      filt_idx_idx_q <= 16'h0000;
    end else begin
      filt_idx_idx_q <= filt_idx_idx_d;
    end
  end
  assign filt_idx_idx_o = filt_idx_idx_q;

  logic filt_cfg_valid_q, filt_cfg_valid_d;
  logic [1:0] filt_cfg_type_q, filt_cfg_type_d;
  logic [11:0] filt_cfg_vid_q, filt_cfg_vid_d;
  always_comb begin
    filt_cfg_valid_d = filt_cfg_valid_q;
    filt_cfg_type_d = filt_cfg_type_q;
    filt_cfg_vid_d = filt_cfg_vid_q;
    if (wr && hit_filt_cfg) begin
      filt_cfg_valid_d = (filt_cfg_valid_q & ~wmask[0]) | (reg_wdata[0] & wmask[0]);
      filt_cfg_type_d = (filt_cfg_type_q & ~wmask[2:1]) | (reg_wdata[2:1] & wmask[2:1]);
      filt_cfg_vid_d = (filt_cfg_vid_q & ~wmask[27:16]) | (reg_wdata[27:16] & wmask[27:16]);
    end
    if (soft_reset_req) begin
      filt_cfg_valid_d = 1'h0;
      filt_cfg_type_d = 2'h0;
      filt_cfg_vid_d = 12'h000;
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      filt_cfg_valid_q <= 1'h0;
      filt_cfg_type_q <= 2'h0;
      filt_cfg_vid_q <= 12'h000;
    end else begin
      filt_cfg_valid_q <= filt_cfg_valid_d;
      filt_cfg_type_q <= filt_cfg_type_d;
      filt_cfg_vid_q <= filt_cfg_vid_d;
    end
  end
  assign filt_cfg_valid_o = filt_cfg_valid_q;
  assign filt_cfg_type_o = filt_cfg_type_q;
  assign filt_cfg_vid_o = filt_cfg_vid_q;

  logic [31:0] filt_mac_lo_mac_q, filt_mac_lo_mac_d;
  always_comb begin
    filt_mac_lo_mac_d = filt_mac_lo_mac_q;
    if (wr && hit_filt_mac_lo) begin
      filt_mac_lo_mac_d = (filt_mac_lo_mac_q & ~wmask[31:0]) | (reg_wdata[31:0] & wmask[31:0]);
    end
    if (soft_reset_req) begin
      filt_mac_lo_mac_d = 32'h00000000;
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      filt_mac_lo_mac_q <= 32'h00000000;
    end else begin
      filt_mac_lo_mac_q <= filt_mac_lo_mac_d;
    end
  end
  assign filt_mac_lo_mac_o = filt_mac_lo_mac_q;

  logic [15:0] filt_mac_hi_mac_q, filt_mac_hi_mac_d;
  always_comb begin
    filt_mac_hi_mac_d = filt_mac_hi_mac_q;
    if (wr && hit_filt_mac_hi) begin
      filt_mac_hi_mac_d = (filt_mac_hi_mac_q & ~wmask[15:0]) | (reg_wdata[15:0] & wmask[15:0]);
    end
    if (soft_reset_req) begin
      filt_mac_hi_mac_d = 16'h0000;
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      filt_mac_hi_mac_q <= 16'h0000;
    end else begin
      filt_mac_hi_mac_q <= filt_mac_hi_mac_d;
    end
  end
  assign filt_mac_hi_mac_o = filt_mac_hi_mac_q;

  logic [31:0] filt_qmask_lo_qmask_q, filt_qmask_lo_qmask_d;
  always_comb begin
    filt_qmask_lo_qmask_d = filt_qmask_lo_qmask_q;
    if (wr && hit_filt_qmask_lo) begin
      filt_qmask_lo_qmask_d = (filt_qmask_lo_qmask_q & ~wmask[31:0]) | (reg_wdata[31:0] & wmask[31:0]);
    end
    if (soft_reset_req) begin
      filt_qmask_lo_qmask_d = 32'h00000000;
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      filt_qmask_lo_qmask_q <= 32'h00000000;
    end else begin
      filt_qmask_lo_qmask_q <= filt_qmask_lo_qmask_d;
    end
  end
  assign filt_qmask_lo_qmask_o = filt_qmask_lo_qmask_q;

  logic [31:0] filt_qmask_hi_qmask_q, filt_qmask_hi_qmask_d;
  always_comb begin
    filt_qmask_hi_qmask_d = filt_qmask_hi_qmask_q;
    if (wr && hit_filt_qmask_hi) begin
      filt_qmask_hi_qmask_d = (filt_qmask_hi_qmask_q & ~wmask[31:0]) | (reg_wdata[31:0] & wmask[31:0]);
    end
    if (soft_reset_req) begin
      filt_qmask_hi_qmask_d = 32'h00000000;
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      filt_qmask_hi_qmask_q <= 32'h00000000;
    end else begin
      filt_qmask_hi_qmask_q <= filt_qmask_hi_qmask_d;
    end
  end
  assign filt_qmask_hi_qmask_o = filt_qmask_hi_qmask_q;

  logic [NumQueues-1:0] q_rx_ctrl_enable_q, q_rx_ctrl_enable_d;
  logic [NumQueues-1:0] q_rx_ctrl_bcast_q, q_rx_ctrl_bcast_d;
  logic [NumQueues-1:0] q_rx_ctrl_mcast_q, q_rx_ctrl_mcast_d;
  logic [NumQueues-1:0] q_rx_ctrl_promisc_q, q_rx_ctrl_promisc_d;
  logic [NumQueues-1:0] q_rx_ctrl_strip_vlan_q, q_rx_ctrl_strip_vlan_d;
  always_comb begin
    q_rx_ctrl_enable_d = q_rx_ctrl_enable_q;
    q_rx_ctrl_bcast_d = q_rx_ctrl_bcast_q;
    q_rx_ctrl_mcast_d = q_rx_ctrl_mcast_q;
    q_rx_ctrl_promisc_d = q_rx_ctrl_promisc_q;
    q_rx_ctrl_strip_vlan_d = q_rx_ctrl_strip_vlan_q;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      if (wr && hit_q_rx_ctrl[q]) begin
        q_rx_ctrl_enable_d[q] = (q_rx_ctrl_enable_q[q] & ~wmask[0]) | (reg_wdata[0] & wmask[0]);
        q_rx_ctrl_bcast_d[q] = (q_rx_ctrl_bcast_q[q] & ~wmask[1]) | (reg_wdata[1] & wmask[1]);
        q_rx_ctrl_mcast_d[q] = (q_rx_ctrl_mcast_q[q] & ~wmask[2]) | (reg_wdata[2] & wmask[2]);
        q_rx_ctrl_promisc_d[q] = (q_rx_ctrl_promisc_q[q] & ~wmask[3]) | (reg_wdata[3] & wmask[3]);
        q_rx_ctrl_strip_vlan_d[q] = (q_rx_ctrl_strip_vlan_q[q] & ~wmask[4]) | (reg_wdata[4] & wmask[4]);
      end
      if (q_rx_ctrl_enable_clr_i[q]) q_rx_ctrl_enable_d[q] = 1'h0;
    end
    if (soft_reset_req) begin
      q_rx_ctrl_enable_d = {NumQueues{1'h0}};
      q_rx_ctrl_bcast_d = {NumQueues{1'h0}};
      q_rx_ctrl_mcast_d = {NumQueues{1'h0}};
      q_rx_ctrl_promisc_d = {NumQueues{1'h0}};
      q_rx_ctrl_strip_vlan_d = {NumQueues{1'h0}};
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      q_rx_ctrl_enable_q <= {NumQueues{1'h0}};
      q_rx_ctrl_bcast_q <= {NumQueues{1'h0}};
      q_rx_ctrl_mcast_q <= {NumQueues{1'h0}};
      q_rx_ctrl_promisc_q <= {NumQueues{1'h0}};
      q_rx_ctrl_strip_vlan_q <= {NumQueues{1'h0}};
    end else begin
      q_rx_ctrl_enable_q <= q_rx_ctrl_enable_d;
      q_rx_ctrl_bcast_q <= q_rx_ctrl_bcast_d;
      q_rx_ctrl_mcast_q <= q_rx_ctrl_mcast_d;
      q_rx_ctrl_promisc_q <= q_rx_ctrl_promisc_d;
      q_rx_ctrl_strip_vlan_q <= q_rx_ctrl_strip_vlan_d;
    end
  end
  assign q_rx_ctrl_enable_o = q_rx_ctrl_enable_q;
  assign q_rx_ctrl_bcast_o = q_rx_ctrl_bcast_q;
  assign q_rx_ctrl_mcast_o = q_rx_ctrl_mcast_q;
  assign q_rx_ctrl_promisc_o = q_rx_ctrl_promisc_q;
  assign q_rx_ctrl_strip_vlan_o = q_rx_ctrl_strip_vlan_q;

  logic [NumQueues-1:0][27:0] q_rx_base_lo_addr_q, q_rx_base_lo_addr_d;
  always_comb begin
    q_rx_base_lo_addr_d = q_rx_base_lo_addr_q;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      if (wr && hit_q_rx_base_lo[q]) begin
        q_rx_base_lo_addr_d[q] = (q_rx_base_lo_addr_q[q] & ~wmask[31:4]) | (reg_wdata[31:4] & wmask[31:4]);
      end
    end
    if (soft_reset_req) begin
      q_rx_base_lo_addr_d = {NumQueues{28'h0000000}};
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      q_rx_base_lo_addr_q <= {NumQueues{28'h0000000}};
    end else begin
      q_rx_base_lo_addr_q <= q_rx_base_lo_addr_d;
    end
  end
  assign q_rx_base_lo_addr_o = q_rx_base_lo_addr_q;

  logic [NumQueues-1:0][31:0] q_rx_base_hi_addr_q, q_rx_base_hi_addr_d;
  always_comb begin
    q_rx_base_hi_addr_d = q_rx_base_hi_addr_q;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      if (wr && hit_q_rx_base_hi[q]) begin
        q_rx_base_hi_addr_d[q] = (q_rx_base_hi_addr_q[q] & ~wmask[31:0]) | (reg_wdata[31:0] & wmask[31:0]);
      end
    end
    if (soft_reset_req) begin
      q_rx_base_hi_addr_d = {NumQueues{32'h00000000}};
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      q_rx_base_hi_addr_q <= {NumQueues{32'h00000000}};
    end else begin
      q_rx_base_hi_addr_q <= q_rx_base_hi_addr_d;
    end
  end
  assign q_rx_base_hi_addr_o = q_rx_base_hi_addr_q;

  logic [NumQueues-1:0][3:0] q_rx_size_log2_q, q_rx_size_log2_d;
  always_comb begin
    q_rx_size_log2_d = q_rx_size_log2_q;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      if (wr && hit_q_rx_size[q]) begin
        q_rx_size_log2_d[q] = (q_rx_size_log2_q[q] & ~wmask[3:0]) | (reg_wdata[3:0] & wmask[3:0]);
      end
    end
    if (soft_reset_req) begin
      q_rx_size_log2_d = {NumQueues{4'h8}};
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      q_rx_size_log2_q <= {NumQueues{4'h8}};
    end else begin
      q_rx_size_log2_q <= q_rx_size_log2_d;
    end
  end
  assign q_rx_size_log2_o = q_rx_size_log2_q;

  logic [NumQueues-1:0][15:0] q_rx_buf_bytes_q, q_rx_buf_bytes_d;
  always_comb begin
    q_rx_buf_bytes_d = q_rx_buf_bytes_q;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      if (wr && hit_q_rx_buf[q]) begin
        q_rx_buf_bytes_d[q] = (q_rx_buf_bytes_q[q] & ~wmask[15:0]) | (reg_wdata[15:0] & wmask[15:0]);
      end
    end
    if (soft_reset_req) begin
      q_rx_buf_bytes_d = {NumQueues{16'h0800}};
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      q_rx_buf_bytes_q <= {NumQueues{16'h0800}};
    end else begin
      q_rx_buf_bytes_q <= q_rx_buf_bytes_d;
    end
  end
  assign q_rx_buf_bytes_o = q_rx_buf_bytes_q;

  logic [NumQueues-1:0][11:0] q_rx_tail_idx_q, q_rx_tail_idx_d;
  always_comb begin
    q_rx_tail_idx_d = q_rx_tail_idx_q;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      if (wr && hit_q_rx_tail[q]) begin
        q_rx_tail_idx_d[q] = (q_rx_tail_idx_q[q] & ~wmask[11:0]) | (reg_wdata[11:0] & wmask[11:0]);
      end
      if (q_rx_tail_idx_clr_i[q]) q_rx_tail_idx_d[q] = 12'h000;
    end
    if (soft_reset_req) begin
      q_rx_tail_idx_d = {NumQueues{12'h000}};
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      q_rx_tail_idx_q <= {NumQueues{12'h000}};
    end else begin
      q_rx_tail_idx_q <= q_rx_tail_idx_d;
    end
  end
  assign q_rx_tail_idx_o = q_rx_tail_idx_q;

  logic [NumQueues-1:0] q_int_mask_rx_q, q_int_mask_rx_d;
  logic [NumQueues-1:0] q_int_mask_tx_q, q_int_mask_tx_d;
  logic [NumQueues-1:0] q_int_mask_err_q, q_int_mask_err_d;
  always_comb begin
    q_int_mask_rx_d = q_int_mask_rx_q;
    q_int_mask_tx_d = q_int_mask_tx_q;
    q_int_mask_err_d = q_int_mask_err_q;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      if (wr && hit_q_int_mask[q]) begin
        q_int_mask_rx_d[q] = (q_int_mask_rx_q[q] & ~wmask[0]) | (reg_wdata[0] & wmask[0]);
        q_int_mask_tx_d[q] = (q_int_mask_tx_q[q] & ~wmask[1]) | (reg_wdata[1] & wmask[1]);
        q_int_mask_err_d[q] = (q_int_mask_err_q[q] & ~wmask[2]) | (reg_wdata[2] & wmask[2]);
      end
    end
    if (soft_reset_req) begin
      q_int_mask_rx_d = {NumQueues{1'h0}};
      q_int_mask_tx_d = {NumQueues{1'h0}};
      q_int_mask_err_d = {NumQueues{1'h0}};
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      q_int_mask_rx_q <= {NumQueues{1'h0}};
      q_int_mask_tx_q <= {NumQueues{1'h0}};
      q_int_mask_err_q <= {NumQueues{1'h0}};
    end else begin
      q_int_mask_rx_q <= q_int_mask_rx_d;
      q_int_mask_tx_q <= q_int_mask_tx_d;
      q_int_mask_err_q <= q_int_mask_err_d;
    end
  end
  assign q_int_mask_rx_o = q_int_mask_rx_q;
  assign q_int_mask_tx_o = q_int_mask_tx_q;
  assign q_int_mask_err_o = q_int_mask_err_q;

  logic [NumQueues-1:0][23:0] q_int_itr_cycles_q, q_int_itr_cycles_d;
  always_comb begin
    q_int_itr_cycles_d = q_int_itr_cycles_q;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      if (wr && hit_q_int_itr[q]) begin
        q_int_itr_cycles_d[q] = (q_int_itr_cycles_q[q] & ~wmask[23:0]) | (reg_wdata[23:0] & wmask[23:0]);
      end
    end
    if (soft_reset_req) begin
      q_int_itr_cycles_d = {NumQueues{24'h000000}};
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      q_int_itr_cycles_q <= {NumQueues{24'h000000}};
    end else begin
      q_int_itr_cycles_q <= q_int_itr_cycles_d;
    end
  end
  assign q_int_itr_cycles_o = q_int_itr_cycles_q;

  logic [NumQueues-1:0] q_tx_ctrl_enable_q, q_tx_ctrl_enable_d;
  logic [NumQueues-1:0] q_tx_ctrl_spoof_mac_q, q_tx_ctrl_spoof_mac_d;
  logic [NumQueues-1:0] q_tx_ctrl_spoof_vlan_q, q_tx_ctrl_spoof_vlan_d;
  always_comb begin
    q_tx_ctrl_enable_d = q_tx_ctrl_enable_q;
    q_tx_ctrl_spoof_mac_d = q_tx_ctrl_spoof_mac_q;
    q_tx_ctrl_spoof_vlan_d = q_tx_ctrl_spoof_vlan_q;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      if (wr && hit_q_tx_ctrl[q]) begin
        q_tx_ctrl_enable_d[q] = (q_tx_ctrl_enable_q[q] & ~wmask[0]) | (reg_wdata[0] & wmask[0]);
        q_tx_ctrl_spoof_mac_d[q] = (q_tx_ctrl_spoof_mac_q[q] & ~wmask[1]) | (reg_wdata[1] & wmask[1]);
        q_tx_ctrl_spoof_vlan_d[q] = (q_tx_ctrl_spoof_vlan_q[q] & ~wmask[2]) | (reg_wdata[2] & wmask[2]);
      end
      if (q_tx_ctrl_enable_clr_i[q]) q_tx_ctrl_enable_d[q] = 1'h0;
    end
    if (soft_reset_req) begin
      q_tx_ctrl_enable_d = {NumQueues{1'h0}};
      q_tx_ctrl_spoof_mac_d = {NumQueues{1'h0}};
      q_tx_ctrl_spoof_vlan_d = {NumQueues{1'h0}};
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      q_tx_ctrl_enable_q <= {NumQueues{1'h0}};
      q_tx_ctrl_spoof_mac_q <= {NumQueues{1'h0}};
      q_tx_ctrl_spoof_vlan_q <= {NumQueues{1'h0}};
    end else begin
      q_tx_ctrl_enable_q <= q_tx_ctrl_enable_d;
      q_tx_ctrl_spoof_mac_q <= q_tx_ctrl_spoof_mac_d;
      q_tx_ctrl_spoof_vlan_q <= q_tx_ctrl_spoof_vlan_d;
    end
  end
  assign q_tx_ctrl_enable_o = q_tx_ctrl_enable_q;
  assign q_tx_ctrl_spoof_mac_o = q_tx_ctrl_spoof_mac_q;
  assign q_tx_ctrl_spoof_vlan_o = q_tx_ctrl_spoof_vlan_q;

  logic [NumQueues-1:0][27:0] q_tx_base_lo_addr_q, q_tx_base_lo_addr_d;
  always_comb begin
    q_tx_base_lo_addr_d = q_tx_base_lo_addr_q;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      if (wr && hit_q_tx_base_lo[q]) begin
        q_tx_base_lo_addr_d[q] = (q_tx_base_lo_addr_q[q] & ~wmask[31:4]) | (reg_wdata[31:4] & wmask[31:4]);
      end
    end
    if (soft_reset_req) begin
      q_tx_base_lo_addr_d = {NumQueues{28'h0000000}};
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      q_tx_base_lo_addr_q <= {NumQueues{28'h0000000}};
    end else begin
      q_tx_base_lo_addr_q <= q_tx_base_lo_addr_d;
    end
  end
  assign q_tx_base_lo_addr_o = q_tx_base_lo_addr_q;

  logic [NumQueues-1:0][31:0] q_tx_base_hi_addr_q, q_tx_base_hi_addr_d;
  always_comb begin
    q_tx_base_hi_addr_d = q_tx_base_hi_addr_q;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      if (wr && hit_q_tx_base_hi[q]) begin
        q_tx_base_hi_addr_d[q] = (q_tx_base_hi_addr_q[q] & ~wmask[31:0]) | (reg_wdata[31:0] & wmask[31:0]);
      end
    end
    if (soft_reset_req) begin
      q_tx_base_hi_addr_d = {NumQueues{32'h00000000}};
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      q_tx_base_hi_addr_q <= {NumQueues{32'h00000000}};
    end else begin
      q_tx_base_hi_addr_q <= q_tx_base_hi_addr_d;
    end
  end
  assign q_tx_base_hi_addr_o = q_tx_base_hi_addr_q;

  logic [NumQueues-1:0][3:0] q_tx_size_log2_q, q_tx_size_log2_d;
  always_comb begin
    q_tx_size_log2_d = q_tx_size_log2_q;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      if (wr && hit_q_tx_size[q]) begin
        q_tx_size_log2_d[q] = (q_tx_size_log2_q[q] & ~wmask[3:0]) | (reg_wdata[3:0] & wmask[3:0]);
      end
    end
    if (soft_reset_req) begin
      q_tx_size_log2_d = {NumQueues{4'h8}};
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      q_tx_size_log2_q <= {NumQueues{4'h8}};
    end else begin
      q_tx_size_log2_q <= q_tx_size_log2_d;
    end
  end
  assign q_tx_size_log2_o = q_tx_size_log2_q;

  logic [NumQueues-1:0][11:0] q_tx_tail_idx_q, q_tx_tail_idx_d;
  always_comb begin
    q_tx_tail_idx_d = q_tx_tail_idx_q;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      if (wr && hit_q_tx_tail[q]) begin
        q_tx_tail_idx_d[q] = (q_tx_tail_idx_q[q] & ~wmask[11:0]) | (reg_wdata[11:0] & wmask[11:0]);
      end
      if (q_tx_tail_idx_clr_i[q]) q_tx_tail_idx_d[q] = 12'h000;
    end
    if (soft_reset_req) begin
      q_tx_tail_idx_d = {NumQueues{12'h000}};
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      q_tx_tail_idx_q <= {NumQueues{12'h000}};
    end else begin
      q_tx_tail_idx_q <= q_tx_tail_idx_d;
    end
  end
  assign q_tx_tail_idx_o = q_tx_tail_idx_q;

  logic [NumQueues-1:0][15:0] q_tx_port_vlan_tci_q, q_tx_port_vlan_tci_d;
  always_comb begin
    q_tx_port_vlan_tci_d = q_tx_port_vlan_tci_q;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      if (wr && hit_q_tx_port_vlan[q]) begin
        q_tx_port_vlan_tci_d[q] = (q_tx_port_vlan_tci_q[q] & ~wmask[15:0]) | (reg_wdata[15:0] & wmask[15:0]);
      end
    end
    if (soft_reset_req) begin
      q_tx_port_vlan_tci_d = {NumQueues{16'h0000}};
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      q_tx_port_vlan_tci_q <= {NumQueues{16'h0000}};
    end else begin
      q_tx_port_vlan_tci_q <= q_tx_port_vlan_tci_d;
    end
  end
  assign q_tx_port_vlan_tci_o = q_tx_port_vlan_tci_q;

  logic [NumQueues-1:0][31:0] q_tx_mac_lo_mac_q, q_tx_mac_lo_mac_d;
  always_comb begin
    q_tx_mac_lo_mac_d = q_tx_mac_lo_mac_q;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      if (wr && hit_q_tx_mac_lo[q]) begin
        q_tx_mac_lo_mac_d[q] = (q_tx_mac_lo_mac_q[q] & ~wmask[31:0]) | (reg_wdata[31:0] & wmask[31:0]);
      end
    end
    if (soft_reset_req) begin
      q_tx_mac_lo_mac_d = {NumQueues{32'h00000000}};
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      q_tx_mac_lo_mac_q <= {NumQueues{32'h00000000}};
    end else begin
      q_tx_mac_lo_mac_q <= q_tx_mac_lo_mac_d;
    end
  end
  assign q_tx_mac_lo_mac_o = q_tx_mac_lo_mac_q;

  logic [NumQueues-1:0][15:0] q_tx_mac_hi_mac_q, q_tx_mac_hi_mac_d;
  always_comb begin
    q_tx_mac_hi_mac_d = q_tx_mac_hi_mac_q;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      if (wr && hit_q_tx_mac_hi[q]) begin
        q_tx_mac_hi_mac_d[q] = (q_tx_mac_hi_mac_q[q] & ~wmask[15:0]) | (reg_wdata[15:0] & wmask[15:0]);
      end
    end
    if (soft_reset_req) begin
      q_tx_mac_hi_mac_d = {NumQueues{16'h0000}};
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      q_tx_mac_hi_mac_q <= {NumQueues{16'h0000}};
    end else begin
      q_tx_mac_hi_mac_q <= q_tx_mac_hi_mac_d;
    end
  end
  assign q_tx_mac_hi_mac_o = q_tx_mac_hi_mac_q;

  logic [NumQueues-1:0][15:0] q_tx_weight_weight_q, q_tx_weight_weight_d;
  always_comb begin
    q_tx_weight_weight_d = q_tx_weight_weight_q;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      if (wr && hit_q_tx_weight[q]) begin
        q_tx_weight_weight_d[q] = (q_tx_weight_weight_q[q] & ~wmask[15:0]) | (reg_wdata[15:0] & wmask[15:0]);
      end
    end
    if (soft_reset_req) begin
      q_tx_weight_weight_d = {NumQueues{16'h0018}};
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) begin
      q_tx_weight_weight_q <= {NumQueues{16'h0018}};
    end else begin
      q_tx_weight_weight_q <= q_tx_weight_weight_d;
    end
  end
  assign q_tx_weight_weight_o = q_tx_weight_weight_q;

  // ---------------------------------------------------------------- write-1 pulses
  logic soft_reset_q;
  always_ff @(posedge clk_i) begin
    if (rst_i) soft_reset_q <= 1'b0;
    else       soft_reset_q <= soft_reset_req;
  end
  assign soft_reset_o = soft_reset_q;

  logic filt_cmd_write_q, filt_cmd_write_d;
  always_comb begin
    filt_cmd_write_d = {1{wr & hit_filt_cmd}} & reg_wdata[0] & wmask[0];
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) filt_cmd_write_q <= '0;
    else       filt_cmd_write_q <= filt_cmd_write_d;
  end
  assign filt_cmd_write_o = filt_cmd_write_q;

  logic [NumQueues-1:0] q_rx_cmd_reset_q, q_rx_cmd_reset_d;
  always_comb begin
    q_rx_cmd_reset_d = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      q_rx_cmd_reset_d[q] = {1{wr & hit_q_rx_cmd[q]}} & reg_wdata[0] & wmask[0];
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) q_rx_cmd_reset_q <= '0;
    else       q_rx_cmd_reset_q <= q_rx_cmd_reset_d;
  end
  assign q_rx_cmd_reset_o = q_rx_cmd_reset_q;

  logic [NumQueues-1:0] q_int_clear_rx_q, q_int_clear_rx_d;
  always_comb begin
    q_int_clear_rx_d = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      q_int_clear_rx_d[q] = {1{wr & hit_q_int_clear[q]}} & reg_wdata[0] & wmask[0];
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) q_int_clear_rx_q <= '0;
    else       q_int_clear_rx_q <= q_int_clear_rx_d;
  end
  assign q_int_clear_rx_o = q_int_clear_rx_q;

  logic [NumQueues-1:0] q_int_clear_tx_q, q_int_clear_tx_d;
  always_comb begin
    q_int_clear_tx_d = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      q_int_clear_tx_d[q] = {1{wr & hit_q_int_clear[q]}} & reg_wdata[1] & wmask[1];
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) q_int_clear_tx_q <= '0;
    else       q_int_clear_tx_q <= q_int_clear_tx_d;
  end
  assign q_int_clear_tx_o = q_int_clear_tx_q;

  logic [NumQueues-1:0] q_int_clear_err_q, q_int_clear_err_d;
  always_comb begin
    q_int_clear_err_d = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      q_int_clear_err_d[q] = {1{wr & hit_q_int_clear[q]}} & reg_wdata[2] & wmask[2];
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) q_int_clear_err_q <= '0;
    else       q_int_clear_err_q <= q_int_clear_err_d;
  end
  assign q_int_clear_err_o = q_int_clear_err_q;

  logic [NumQueues-1:0] q_tx_cmd_reset_q, q_tx_cmd_reset_d;
  always_comb begin
    q_tx_cmd_reset_d = '0;
    for (int unsigned q = 0; q < NumQueues; q++) begin
      q_tx_cmd_reset_d[q] = {1{wr & hit_q_tx_cmd[q]}} & reg_wdata[0] & wmask[0];
    end
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) q_tx_cmd_reset_q <= '0;
    else       q_tx_cmd_reset_q <= q_tx_cmd_reset_d;
  end
  assign q_tx_cmd_reset_o = q_tx_cmd_reset_q;

  // ---------------------------------------------------------------- csr_unmapped
  logic [63:0] csr_unmapped_q, csr_unmapped_d;
  always_comb begin
    csr_unmapped_d = csr_unmapped_q;
    if (reg_req && !mapped) csr_unmapped_d = csr_unmapped_q + 64'd1;
    if (soft_reset_req) csr_unmapped_d = '0;
  end
  always_ff @(posedge clk_i) begin
    if (rst_i) csr_unmapped_q <= '0;
    else       csr_unmapped_q <= csr_unmapped_d;
  end

  // ---------------------------------------------------------------- counters in RAM
  // A read of a per-queue counter held in RAM becomes one request {id, queue}
  // on the counter read port; the half is remembered for the answer.
  logic                    qcnt_hit, qcnt_hi;
  logic [QCNT_ID_W-1:0]    qcnt_id;
  logic [QCNT_QUEUE_W-1:0] qcnt_queue;
  always_comb begin
    qcnt_hit   = 1'b0;
    qcnt_hi    = 1'b0;
    qcnt_id    = '0;
    qcnt_queue = '0;
    if (|hit_q_rx_packets_lo) begin
      qcnt_hit   = 1'b1;
      qcnt_hi    = 1'b0;
      qcnt_id    = QCNT_ID_W'(QCNT_Q_RX_PACKETS);
      qcnt_queue = QCNT_QUEUE_W'(ridx_q_rx_packets_lo);
    end
    if (|hit_q_rx_packets_hi) begin
      qcnt_hit   = 1'b1;
      qcnt_hi    = 1'b1;
      qcnt_id    = QCNT_ID_W'(QCNT_Q_RX_PACKETS);
      qcnt_queue = QCNT_QUEUE_W'(ridx_q_rx_packets_hi);
    end
    if (|hit_q_rx_bytes_lo) begin
      qcnt_hit   = 1'b1;
      qcnt_hi    = 1'b0;
      qcnt_id    = QCNT_ID_W'(QCNT_Q_RX_BYTES);
      qcnt_queue = QCNT_QUEUE_W'(ridx_q_rx_bytes_lo);
    end
    if (|hit_q_rx_bytes_hi) begin
      qcnt_hit   = 1'b1;
      qcnt_hi    = 1'b1;
      qcnt_id    = QCNT_ID_W'(QCNT_Q_RX_BYTES);
      qcnt_queue = QCNT_QUEUE_W'(ridx_q_rx_bytes_hi);
    end
    if (|hit_q_rx_no_desc_drops_lo) begin
      qcnt_hit   = 1'b1;
      qcnt_hi    = 1'b0;
      qcnt_id    = QCNT_ID_W'(QCNT_Q_RX_NO_DESC_DROPS);
      qcnt_queue = QCNT_QUEUE_W'(ridx_q_rx_no_desc_drops_lo);
    end
    if (|hit_q_rx_no_desc_drops_hi) begin
      qcnt_hit   = 1'b1;
      qcnt_hi    = 1'b1;
      qcnt_id    = QCNT_ID_W'(QCNT_Q_RX_NO_DESC_DROPS);
      qcnt_queue = QCNT_QUEUE_W'(ridx_q_rx_no_desc_drops_hi);
    end
    if (|hit_q_tx_packets_lo) begin
      qcnt_hit   = 1'b1;
      qcnt_hi    = 1'b0;
      qcnt_id    = QCNT_ID_W'(QCNT_Q_TX_PACKETS);
      qcnt_queue = QCNT_QUEUE_W'(ridx_q_tx_packets_lo);
    end
    if (|hit_q_tx_packets_hi) begin
      qcnt_hit   = 1'b1;
      qcnt_hi    = 1'b1;
      qcnt_id    = QCNT_ID_W'(QCNT_Q_TX_PACKETS);
      qcnt_queue = QCNT_QUEUE_W'(ridx_q_tx_packets_hi);
    end
    if (|hit_q_tx_bytes_lo) begin
      qcnt_hit   = 1'b1;
      qcnt_hi    = 1'b0;
      qcnt_id    = QCNT_ID_W'(QCNT_Q_TX_BYTES);
      qcnt_queue = QCNT_QUEUE_W'(ridx_q_tx_bytes_lo);
    end
    if (|hit_q_tx_bytes_hi) begin
      qcnt_hit   = 1'b1;
      qcnt_hi    = 1'b1;
      qcnt_id    = QCNT_ID_W'(QCNT_Q_TX_BYTES);
      qcnt_queue = QCNT_QUEUE_W'(ridx_q_tx_bytes_hi);
    end
    if (|hit_q_tx_spoof_drops_lo) begin
      qcnt_hit   = 1'b1;
      qcnt_hi    = 1'b0;
      qcnt_id    = QCNT_ID_W'(QCNT_Q_TX_SPOOF_DROPS);
      qcnt_queue = QCNT_QUEUE_W'(ridx_q_tx_spoof_drops_lo);
    end
    if (|hit_q_tx_spoof_drops_hi) begin
      qcnt_hit   = 1'b1;
      qcnt_hi    = 1'b1;
      qcnt_id    = QCNT_ID_W'(QCNT_Q_TX_SPOOF_DROPS);
      qcnt_queue = QCNT_QUEUE_W'(ridx_q_tx_spoof_drops_hi);
    end
    if (|hit_q_tx_oversize_drops_lo) begin
      qcnt_hit   = 1'b1;
      qcnt_hi    = 1'b0;
      qcnt_id    = QCNT_ID_W'(QCNT_Q_TX_OVERSIZE_DROPS);
      qcnt_queue = QCNT_QUEUE_W'(ridx_q_tx_oversize_drops_lo);
    end
    if (|hit_q_tx_oversize_drops_hi) begin
      qcnt_hit   = 1'b1;
      qcnt_hi    = 1'b1;
      qcnt_id    = QCNT_ID_W'(QCNT_Q_TX_OVERSIZE_DROPS);
      qcnt_queue = QCNT_QUEUE_W'(ridx_q_tx_oversize_drops_hi);
    end
  end
  logic                    qcnt_req_q, qcnt_hi_q;
  logic [QCNT_ID_W-1:0]    qcnt_id_q;
  logic [QCNT_QUEUE_W-1:0] qcnt_queue_q;
  always_ff @(posedge clk_i) begin
    if (rst_i) qcnt_req_q <= 1'b0;
    else       qcnt_req_q <= rd & qcnt_hit;
    if (rd & qcnt_hit) begin
      qcnt_hi_q    <= qcnt_hi;
      qcnt_id_q    <= qcnt_id;
      qcnt_queue_q <= qcnt_queue;
    end
  end
  assign qcnt_rd_req_o   = qcnt_req_q;
  assign qcnt_rd_id_o    = qcnt_id_q;
  assign qcnt_rd_queue_o = qcnt_queue_q;

  // ---------------------------------------------------------------- read mux
  // Hits are one-hot, so the mux is an AND-OR; unmapped reads return UNMAPPED_READ.
  logic [31:0] rdata;
  always_comb begin
    rdata = '0;
    if (hit_id_magic) rdata = rdata | 32'h564D5143;
    if (hit_id_version) rdata = rdata | {8'h01, 8'h02, 16'h0000};
    if (hit_id_num_queues) rdata = rdata | {16'b0, 16'(NumQueues)};
    if (hit_id_num_filters) rdata = rdata | {16'b0, 16'(NumFilters)};
    if (hit_id_data_w) rdata = rdata | {16'b0, 16'(DataW)};
    if (hit_id_axi_data_w) rdata = rdata | {16'b0, 16'(AxiDataW)};
    if (hit_id_max_frame_bytes) rdata = rdata | {16'b0, 16'(MaxFrameBytes)};
    if (hit_id_pktbuf_bytes) rdata = rdata | 32'(PktBufBytes);
    if (hit_scratch) rdata = rdata | scratch_value_q;
    if (hit_id_rx_caps) rdata = rdata | {24'b0, 8'(DescCache)};
    if (hit_id_tx_caps) rdata = rdata | {24'b0, 8'(TxDescCache)};
    if (hit_id_tx_stage_bytes) rdata = rdata | 32'(TxStageBytes);
    if (hit_reset) rdata = rdata | {31'b0, 1'b0};
    if (hit_status) rdata = rdata | {31'b0, status_reset_busy_i};
    if (hit_ctrl) rdata = rdata | {28'b0, ctrl_tx_drr_q, ctrl_loopback_en_q, ctrl_default_queue_en_q, 1'b0};
    if (hit_rx_tpid) rdata = rdata | {16'b0, rx_tpid_tpid_q};
    if (hit_rx_min_frame) rdata = rdata | {16'b0, rx_min_frame_bytes_q};
    if (hit_rx_max_frame) rdata = rdata | {16'b0, rx_max_frame_bytes_q};
    if (hit_csr_unmapped_lo) rdata = rdata | csr_unmapped_q[31:0];
    if (hit_csr_unmapped_hi) rdata = rdata | csr_unmapped_q[63:32];
    if (hit_filt_idx) rdata = rdata | {16'b0, filt_idx_idx_q};
    if (hit_filt_cfg) rdata = rdata | {4'b0, filt_cfg_vid_q, 13'b0, filt_cfg_type_q, filt_cfg_valid_q};
    if (hit_filt_mac_lo) rdata = rdata | filt_mac_lo_mac_q;
    if (hit_filt_mac_hi) rdata = rdata | {16'b0, filt_mac_hi_mac_q};
    if (hit_filt_qmask_lo) rdata = rdata | filt_qmask_lo_qmask_q;
    if (hit_filt_qmask_hi) rdata = rdata | filt_qmask_hi_qmask_q;
    if (hit_filt_cmd) rdata = rdata | {31'b0, 1'b0};
    if (hit_filt_rd_cfg) rdata = rdata | {4'b0, filt_rd_cfg_vid_i, 13'b0, filt_rd_cfg_type_i, filt_rd_cfg_valid_i};
    if (hit_filt_rd_mac_lo) rdata = rdata | filt_rd_mac_lo_mac_i;
    if (hit_filt_rd_mac_hi) rdata = rdata | {16'b0, filt_rd_mac_hi_mac_i};
    if (hit_filt_rd_qmask_lo) rdata = rdata | filt_rd_qmask_lo_qmask_i;
    if (hit_filt_rd_qmask_hi) rdata = rdata | filt_rd_qmask_hi_qmask_i;
    if (hit_rx_frames_lo) rdata = rdata | rx_frames_i[31:0];
    if (hit_rx_frames_hi) rdata = rdata | rx_frames_i[63:32];
    if (hit_rx_err_drops_lo) rdata = rdata | rx_err_drops_i[31:0];
    if (hit_rx_err_drops_hi) rdata = rdata | rx_err_drops_i[63:32];
    if (hit_rx_runt_drops_lo) rdata = rdata | rx_runt_drops_i[31:0];
    if (hit_rx_runt_drops_hi) rdata = rdata | rx_runt_drops_i[63:32];
    if (hit_rx_oversize_drops_lo) rdata = rdata | rx_oversize_drops_i[31:0];
    if (hit_rx_oversize_drops_hi) rdata = rdata | rx_oversize_drops_i[63:32];
    if (hit_rx_unmatched_drops_lo) rdata = rdata | rx_unmatched_drops_i[31:0];
    if (hit_rx_unmatched_drops_hi) rdata = rdata | rx_unmatched_drops_i[63:32];
    if (hit_rx_buffer_drops_lo) rdata = rdata | rx_buffer_drops_i[31:0];
    if (hit_rx_buffer_drops_hi) rdata = rdata | rx_buffer_drops_i[63:32];
    if (hit_dma_errors_lo) rdata = rdata | dma_errors_i[31:0];
    if (hit_dma_errors_hi) rdata = rdata | dma_errors_i[63:32];
    if (hit_queue_errors_lo) rdata = rdata | queue_errors_i[31:0];
    if (hit_queue_errors_hi) rdata = rdata | queue_errors_i[63:32];
    if (|hit_q_rx_ctrl) rdata = rdata | {27'b0, q_rx_ctrl_strip_vlan_q[ridx_q_rx_ctrl], q_rx_ctrl_promisc_q[ridx_q_rx_ctrl], q_rx_ctrl_mcast_q[ridx_q_rx_ctrl], q_rx_ctrl_bcast_q[ridx_q_rx_ctrl], q_rx_ctrl_enable_q[ridx_q_rx_ctrl]};
    if (|hit_q_rx_base_lo) rdata = rdata | {q_rx_base_lo_addr_q[ridx_q_rx_base_lo], 4'b0};
    if (|hit_q_rx_base_hi) rdata = rdata | q_rx_base_hi_addr_q[ridx_q_rx_base_hi];
    if (|hit_q_rx_size) rdata = rdata | {28'b0, q_rx_size_log2_q[ridx_q_rx_size]};
    if (|hit_q_rx_buf) rdata = rdata | {16'b0, q_rx_buf_bytes_q[ridx_q_rx_buf]};
    if (|hit_q_rx_tail) rdata = rdata | {20'b0, q_rx_tail_idx_q[ridx_q_rx_tail]};
    if (|hit_q_rx_head) rdata = rdata | {20'b0, q_rx_head_idx_i[ridx_q_rx_head]};
    if (|hit_q_rx_status) rdata = rdata | {25'b0, q_rx_status_cause_i[ridx_q_rx_status], q_rx_status_resetting_i[ridx_q_rx_status], q_rx_status_error_i[ridx_q_rx_status], q_rx_status_stopped_i[ridx_q_rx_status], q_rx_status_running_i[ridx_q_rx_status]};
    if (|hit_q_rx_cmd) rdata = rdata | {31'b0, 1'b0};
    if (|hit_q_int_mask) rdata = rdata | {29'b0, q_int_mask_err_q[ridx_q_int_mask], q_int_mask_tx_q[ridx_q_int_mask], q_int_mask_rx_q[ridx_q_int_mask]};
    if (|hit_q_int_cause) rdata = rdata | {29'b0, q_int_cause_err_i[ridx_q_int_cause], q_int_cause_tx_i[ridx_q_int_cause], q_int_cause_rx_i[ridx_q_int_cause]};
    if (|hit_q_int_clear) rdata = rdata | {29'b0, 1'b0, 1'b0, 1'b0};
    if (|hit_q_int_itr) rdata = rdata | {8'b0, q_int_itr_cycles_q[ridx_q_int_itr]};
    if (|hit_q_tx_ctrl) rdata = rdata | {29'b0, q_tx_ctrl_spoof_vlan_q[ridx_q_tx_ctrl], q_tx_ctrl_spoof_mac_q[ridx_q_tx_ctrl], q_tx_ctrl_enable_q[ridx_q_tx_ctrl]};
    if (|hit_q_tx_base_lo) rdata = rdata | {q_tx_base_lo_addr_q[ridx_q_tx_base_lo], 4'b0};
    if (|hit_q_tx_base_hi) rdata = rdata | q_tx_base_hi_addr_q[ridx_q_tx_base_hi];
    if (|hit_q_tx_size) rdata = rdata | {28'b0, q_tx_size_log2_q[ridx_q_tx_size]};
    if (|hit_q_tx_tail) rdata = rdata | {20'b0, q_tx_tail_idx_q[ridx_q_tx_tail]};
    if (|hit_q_tx_head) rdata = rdata | {20'b0, q_tx_head_idx_i[ridx_q_tx_head]};
    if (|hit_q_tx_status) rdata = rdata | {25'b0, q_tx_status_cause_i[ridx_q_tx_status], q_tx_status_resetting_i[ridx_q_tx_status], q_tx_status_error_i[ridx_q_tx_status], q_tx_status_stopped_i[ridx_q_tx_status], q_tx_status_running_i[ridx_q_tx_status]};
    if (|hit_q_tx_cmd) rdata = rdata | {31'b0, 1'b0};
    if (|hit_q_tx_port_vlan) rdata = rdata | {16'b0, q_tx_port_vlan_tci_q[ridx_q_tx_port_vlan]};
    if (|hit_q_tx_mac_lo) rdata = rdata | q_tx_mac_lo_mac_q[ridx_q_tx_mac_lo];
    if (|hit_q_tx_mac_hi) rdata = rdata | {16'b0, q_tx_mac_hi_mac_q[ridx_q_tx_mac_hi]};
    if (|hit_q_tx_weight) rdata = rdata | {16'b0, q_tx_weight_weight_q[ridx_q_tx_weight]};
  end

  // ---------------------------------------------------------------- read answer
  // Registers in flip-flops answer the cycle after the request from the
  // registered mux.
  logic        rsp_v_q;
  logic [31:0] rsp_data_q;
  always_ff @(posedge clk_i) begin
    if (rst_i) rsp_v_q <= 1'b0;
    else       rsp_v_q <= rd & ~qcnt_hit;
    rsp_data_q <= mapped ? rdata : UNMAPPED_READ;
  end
  assign reg_rvalid = rsp_v_q | qcnt_rd_valid_i;
  assign reg_rdata  = rsp_v_q ? rsp_data_q :
                      qcnt_hi_q ? qcnt_rd_data_i[63:32] : qcnt_rd_data_i[31:0];

endmodule : vmq_csr

`resetall
