package content

import (
	"time"

	"github.com/tiendo/tiendo/internal/diag"
	"github.com/tiendo/tiendo/internal/markdown"
	"github.com/tiendo/tiendo/internal/site"
	"github.com/tiendo/tiendo/internal/spill"
)

// ReadBody is Body for the validate stage: a body that cannot be read back
// from the spill store's temporary file is reported in l, and gives an
// empty body. One read back is read into buf when it has the room (see
// spill.Store.GetInto).
func ReadBody(bodies *spill.Store, p *site.Page, buf []byte, l *diag.List) []byte {
	body, err := bodyInto(bodies, p, buf)
	if err != nil {
		l.Errorf(diag.Pos{File: p.File}, diag.CodeContentRead,
			diag.Because(diag.T("không đọc lại được phần thân của trang từ tệp tạm", "cannot read the page's body back from the temporary file"), err),
			diag.T("Kiểm tra chỗ trống trên ổ đĩa của thư mục tạm rồi dựng lại.", "Check the free space on the temporary folder's disk, then build again."))
		return nil
	}
	return body
}

// TooComplex reports in l a body, parsed into d, that took longer to parse
// than [markup] parseBudget allows (budget; setting is the value as
// written in config.toml; see internal/markdown, budget.go). The body
// begins at line of file.
func TooComplex(l *diag.List, file string, line int, d *markdown.Doc, budget time.Duration, setting string) bool {
	if d.Err() == nil {
		return false
	}
	l.Errorf(diag.Pos{File: file, Line: line, Col: 1}, diag.CodeContentTooComplex,
		diag.Tf("trang quá phức tạp để xử lý: đọc Markdown của trang mất hơn %v", "the page is too complex to process: reading its Markdown took longer than %v", budget),
		diag.T("Thường do hàng nghìn dấu [, ![ hoặc ( không đóng, hay dấu * và _ xen kẽ, thường khi dán nhầm dữ liệu vào trang. "+
			"Sửa hoặc chia nhỏ trang; nếu trang đúng là lớn như vậy, tăng parseBudget trong mục [markup] của config.toml (hiện là "+setting+").",
			"Usually thousands of unclosed [, ![ or ( or interleaved * and _, often data pasted into the page by mistake. "+
				"Fix or split the page; if it really is that large, raise parseBudget under [markup] in config.toml (now "+setting+")."))
	return true
}
