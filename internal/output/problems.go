package output

import (
	"errors"

	"github.com/tiendo/tiendo/internal/diag"
)

// Refused is the problem of a destination CheckDest refused, at label
// (the folder as the user gave it), for staff.
func Refused(label string, err error) *diag.Diagnostic {
	pos := diag.Pos{File: label}
	var de *DestError
	if !errors.As(err, &de) {
		return diag.New(pos, diag.CodeOutputDestUnreadable,
			diag.Because(diag.T("không kiểm tra được thư mục kết quả", "cannot check the output folder"), err), diag.Text{})
	}
	other := diag.T("Bỏ -d để dựng vào public/ của trang web, hoặc chọn một thư mục khác, ví dụ -d ../ket-qua.",
		"Leave out -d to build into the site's public/, or choose another folder, for example -d ../output.")
	switch de.Problem {
	case DestIsSource:
		return diag.New(pos, diag.CodeOutputDestSiteRoot,
			diag.Tf("thư mục kết quả %s là thư mục gốc của trang web: dựng vào đó sẽ xóa cả trang web",
				"the output folder %s is the site's root folder: building into it would delete the whole site", de.Dest),
			other)
	case DestHoldsSource:
		return diag.New(pos, diag.CodeOutputDestContainsSite,
			diag.Tf("thư mục kết quả %s chứa thư mục trang web %s: dựng vào đó sẽ xóa cả trang web",
				"the output folder %s contains the site folder %s: building into it would delete the whole site", de.Dest, de.Source),
			other)
	case DestInSource:
		msg := diag.Tf("thư mục kết quả %s nằm trong %s của trang web: dựng vào đó sẽ xóa tệp của trang web",
			"the output folder %s is inside %s of the site: building into it would delete the site's files", de.Dest, de.Input)
		if de.Input == "config.toml" {
			msg = diag.Tf("thư mục kết quả %s là tệp config.toml của trang web",
				"the output folder %s is the site's config.toml", de.Dest)
		}
		return diag.New(pos, diag.CodeOutputDestInSource, msg, other)
	case DestNotFolder:
		return diag.New(pos, diag.CodeOutputDestNotFolder,
			diag.Tf("thư mục kết quả %s là một tệp, không phải thư mục", "the output folder %s is a file, not a folder", de.Dest),
			diag.T("Chọn một thư mục trống hoặc chưa có.", "Choose an empty or new folder."))
	case DestSite, DestForeign:
		msg := diag.Tf("thư mục kết quả %s có tệp không do tiendo ghi (không có tệp đánh dấu %s): dựng vào đó sẽ xóa các tệp ấy",
			"the output folder %s holds files tiendo did not write (there is no %s marker): building into it would delete them",
			de.Dest, Marker)
		if de.Problem == DestSite {
			msg = diag.Tf("thư mục kết quả %s là thư mục của một trang web (có content/ hoặc config.toml): dựng vào đó sẽ xóa trang web ấy",
				"the output folder %s is the folder of a site (it holds content/ or config.toml): building into it would delete that site",
				de.Dest)
		}
		return diag.New(pos, diag.CodeOutputDestForeign, msg,
			diag.T("Chọn một thư mục trống hoặc chưa có. Nếu đó chỉ là kết quả cũ, xóa thư mục ấy rồi dựng lại; từ đó mỗi lần dựng ghi tệp đánh dấu và được thay thư mục.",
				"Choose an empty or new folder. If it only holds an old output, delete that folder and build again; from then on every build writes the marker and may replace the folder."))
	default:
		return diag.New(pos, diag.CodeOutputDestUnreadable,
			diag.Because(diag.Tf("không kiểm tra được thư mục kết quả %s", "cannot check the output folder %s", de.Dest), de.Err),
			diag.Text{})
	}
}

// OldKept is the warning of a build that published but could not remove
// the previous output: it is true that the new site is in place, and the
// old copy waits beside it for the next build.
func OldKept(label, dest string, kept *LeftoverError) *diag.Diagnostic {
	return diag.NewWarning(diag.Pos{File: label}, diag.CodeOutputOldKept,
		diag.Because(diag.Tf("đã xuất bản vào %s, nhưng không xóa được bản cũ, còn để ở %s",
			"published to %s, but the previous copy could not be removed and is left at %s", dest, kept.Path), kept.Err),
		diag.T("Lần dựng sau sẽ xóa bản cũ đó; nếu vẫn không được, sửa quyền của thư mục ấy hoặc xóa bằng tay.",
			"The next build removes that copy; if it still cannot, fix the folder's permissions or delete it by hand."))
}

// StaleKept is the warning for a temporary folder of an earlier, killed
// build that NewDir could not remove (Dir.Leftovers), at label.
func StaleKept(label string, l *LeftoverError) *diag.Diagnostic {
	return diag.NewWarning(diag.Pos{File: label}, diag.CodeOutputStaleKept,
		diag.Because(diag.Tf("không xóa được thư mục tạm %s của một lần dựng bị ngắt trước đây",
			"cannot remove %s, the temporary folder of an earlier build that was interrupted", l.Path), l.Err),
		diag.T("Xóa thư mục đó bằng tay, hoặc sửa quyền để lần dựng sau tự xóa.",
			"Delete that folder by hand, or fix its permissions so the next build removes it."))
}
