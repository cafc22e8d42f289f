import { defineStrings } from '../../app/i18n';

export const printStrings = defineStrings(
  {
    heading: '{scope}退役军人服务工作周报（{from} 至 {to}）',
    asOf: '逾期、在册与未结诉求统计截至 {asOf} 日终',
    exportPdf: '导出 PDF',
    printNow: '打印 / 另存为 PDF',
    fileName: '周报-{week}.pdf',
    pdfSaved: 'PDF 已保存：{path}',
    pdfCancelled: '已取消导出',
    pdfFailed: 'PDF 导出失败：{error}',
  },
  {
    heading: "{scope} weekly veterans' service report ({from} to {to})",
    asOf: 'Overdue, recipients and open requests as of the end of {asOf}',
    exportPdf: 'Export PDF',
    printNow: 'Print / save as PDF',
    fileName: 'weekly-report-{week}.pdf',
    pdfSaved: 'PDF saved: {path}',
    pdfCancelled: 'Export cancelled',
    pdfFailed: 'PDF export failed: {error}',
  },
);
