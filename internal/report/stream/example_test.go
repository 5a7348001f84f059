package stream_test

import (
	"fmt"
	"strings"

	"github.com/tiendo/tiendo/internal/report"
	"github.com/tiendo/tiendo/internal/report/stream"
)

func ExampleAggregate() {
	const national = `tuan,don_vi,dich_vu,tiep_nhan_truc_tuyen,tiep_nhan_truc_tiep,ky_truoc_chuyen_sang,giai_quyet_truoc_han,giai_quyet_dung_han,giai_quyet_qua_han,dang_giai_quyet_trong_han,dang_giai_quyet_qua_han,da_tra_ket_qua,khong_tiep_nhan,tra_lai_bo_sung,ly_do_qua_han,ly_do_khong_tiep_nhan,ly_do_tra_lai,ngay_gui
2023-W14,xa-00001,dang-ky-khai-sinh,8,2,0,6,3,1,0,0,10,0,0,Chờ kết quả liên thông,,,2023-04-11 08:00
2023-W14,xa-00002,dang-ky-khai-sinh,3,3,1,4,3,0,0,0,7,1,0,,"Sai mẫu tờ khai, thiếu chữ ký",,2023-04-11 08:10
`
	a := report.New(report.Options{Services: []report.Service{{ID: "dang-ky-khai-sinh", Sector: "tu-phap", Essential: true}}})
	n, err := stream.Aggregate(strings.NewReader(national), a, stream.Options{Name: "national.csv"})
	if err != nil {
		fmt.Println(err)
		return
	}
	t := a.Total()
	fmt.Printf("%d rows, online %d/%d, not accepted: %q\n", n, t.ReceivedOnline, t.Received(), t.NotAcceptedReasons[0].Label)
	// Output:
	// 2 rows, online 11/16, not accepted: "Sai mẫu tờ khai, thiếu chữ ký"
}
